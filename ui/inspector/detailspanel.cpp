#include "detailspanel.h"

#include "attributesdialog.h"
#include "citedialog.h"
#include "edit/editcommand.h"
#include "edit/edits.h"
#include "entryform.h"
#include "i18n/labels.h"
#include "notedialog.h"
#include "i18n/localdates.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/windowtheme.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace chronomap {

namespace {

// Story text inside the HTML built here, also in attributes (text/storytext.h).
QString esc(const QString& s)
{
    return escapedHtmlLines(s);
}

// A source's address as a link only when it is a web page (onLink opens nothing else).
bool isWebLink(const QString& url)
{
    const QString scheme = QUrl(url.trimmed()).scheme();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http");
}

// What an audit line changed, in words: "title, date" for an update.
QString changedFields(const ChangeRecord& c)
{
    const QJsonObject b = QJsonDocument::fromJson(c.before.toUtf8()).object();
    const QJsonObject a = QJsonDocument::fromJson(c.after.toUtf8()).object();
    if (b.isEmpty() || a.isEmpty())
        return {};
    QStringList keys;
    for (auto it = a.begin(); it != a.end(); ++it)
        if (b.value(it.key()) != it.value())
            keys << it.key();
    QStringList parts;
    for (const QString& k : keys) {
        const QJsonValue bv = b.value(k), av = a.value(k);
        if (bv.isString() && av.isString() && bv.toString().size() < 40 &&
            av.toString().size() < 40)
            parts << QStringLiteral("%1: %2 → %3").arg(k, bv.toString(), av.toString());
        else
            parts << k;
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

DetailsPanel::DetailsPanel(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_heading(new QLabel),
      m_edit(new QPushButton(tr("&Edit"))), m_status(new QComboBox),
      m_note(new QPushButton(tr("&Note…"))), m_cite(new QPushButton(tr("C&ite…"))),
      m_delete(new QPushButton(tr("Delete"))),
      m_attributes(new QPushButton(tr("Attri&butes…"))), m_tabs(new QTabWidget),
      m_stack(new QStackedWidget),
      m_text(new QTextBrowser), m_form(new EntryForm(story)), m_problem(new QLabel),
      m_save(new QPushButton(tr("&Save"))), m_history(new QTreeWidget)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    // Two rows of three: one row of six made the side panel some 520 pixels wide, which a
    // 1280×720 screen takes from the timeline.
    auto* bar = new QGridLayout;
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_status->setAccessibleName(tr("Verification status"));
    m_status->setToolTip(tr("How far this entry has been checked"));
    for (int v = 0; v <= int(Verification::Cleared); ++v)
        m_status->addItem(statusLabel(Verification(v)), v);
    m_note->setToolTip(tr("Add a note for the other editors"));
    m_note->setObjectName(QStringLiteral("noteButton"));
    m_cite->setObjectName(QStringLiteral("citeButton"));
    m_cite->setToolTip(tr("Cite a source with the sentence this entry rests on"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_attributes->setObjectName(QStringLiteral("attributesButton"));
    m_attributes->setToolTip(tr("Edit the typed attributes a file brought, or add your own"));
    int cell = 0;
    for (QWidget* w : {static_cast<QWidget*>(m_edit), static_cast<QWidget*>(m_status),
                       static_cast<QWidget*>(m_note), static_cast<QWidget*>(m_cite),
                       static_cast<QWidget*>(m_attributes), static_cast<QWidget*>(m_delete)}) {
        bar->addWidget(w, cell / 3, cell % 3);
        ++cell;
    }
    layout->addLayout(bar);

    m_text->setOpenLinks(false);
    m_text->setObjectName(QStringLiteral("detailsText"));
    m_text->setAccessibleName(tr("Details of the current entry"));
    m_history->setAccessibleName(tr("Change history of the current entry"));
    m_stack->addWidget(m_text);
    auto* formPage = new QWidget;
    auto* formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    formLayout->addWidget(scroll, 1);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText); // may quote the entry
    m_problem->setStyleSheet(WindowTheme::problemStyleSheet(palette()));
    formLayout->addWidget(m_problem);
    auto* saveBar = new QHBoxLayout;
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelButton"));
    m_reload = new QPushButton(tr("&Reload Entry"));
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Show the entry as it is stored now, with the other change"));
    m_reload->hide();
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    saveBar->addWidget(m_reload);
    saveBar->addStretch();
    saveBar->addWidget(cancel);
    saveBar->addWidget(m_save);
    formLayout->addLayout(saveBar);
    m_stack->addWidget(formPage);

    m_history->setObjectName(QStringLiteral("historyTree"));
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Changed")});
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->header()->setStretchLastSection(true);
    auto* historyPage = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_history);
    auto* correction = new QPushButton(tr("Write a Correction Note…"));
    correction->setToolTip(tr("Add a note on this entry explaining a correction"));
    correction->setObjectName(QStringLiteral("correctionNoteButton"));
    historyLayout->addWidget(correction, 0, Qt::AlignRight);

    m_tabs->addTab(m_stack, tr("Details"));
    m_tabs->addTab(historyPage, tr("History"));
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);

    connect(m_edit, &QPushButton::clicked, this, &DetailsPanel::startEdit);
    connect(m_save, &QPushButton::clicked, this, &DetailsPanel::saveEdit);
    connect(cancel, &QPushButton::clicked, this, &DetailsPanel::cancelEdit);
    connect(m_reload, &QPushButton::clicked, this, &DetailsPanel::reloadEdit);
    connect(m_note, &QPushButton::clicked, this, [this] { addNote(); });
    connect(m_cite, &QPushButton::clicked, this, &DetailsPanel::citeSource);
    connect(m_delete, &QPushButton::clicked, this, &DetailsPanel::deleteCurrent);
    connect(m_attributes, &QPushButton::clicked, this, &DetailsPanel::editAttributes);
    connect(correction, &QPushButton::clicked, this, [this] { addNote(); });
    connect(m_status, &QComboBox::activated, this,
            [this](int index) { setStatus(Verification(m_status->itemData(index).toInt())); });
    connect(m_form, &EntryForm::validityChanged, this, [this] {
        m_problem->setText(m_form->problem());
        m_save->setEnabled(m_form->problem().isEmpty());
    });
    connect(m_text, &QTextBrowser::anchorClicked, this, &DetailsPanel::onLink);
    connect(selection, &Selection::currentChanged, this, &DetailsPanel::refresh);
    connect(story, &Story::changed, this, &DetailsPanel::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DetailsPanel::refreshHistory);
    refresh();
}

bool DetailsPanel::isEditing() const
{
    return m_stack->currentIndex() == 1;
}

QString DetailsPanel::html() const
{
    return m_text->toHtml();
}

void DetailsPanel::refresh()
{
    const auto ref = m_selection->current();
    if (isEditing() && ref == m_shown)
        return; // keep what is being typed; saving compares with the file anyway
    m_shown = ref;
    m_stack->setCurrentIndex(0);
    try {
        refreshView();
        refreshHistory();
    } catch (const StoreError& e) {
        // A shared story's server out of reach: say so instead of ending the program. The
        // panel is read again when the window is back online (the story reloads then).
        m_heading->clear();
        m_text->setHtml(tr("<p><i>The details cannot be read now: %1</i></p>")
                            .arg(e.message().toHtmlEscaped()));
    }
}

void DetailsPanel::refreshView()
{
    std::optional<Entity> entry;
    if (m_shown)
        entry = readEntity(m_story->store(), *m_shown);
    const bool editable =
        entry && !m_story->isReadOnly() &&
        (m_shown->kind == EntityKind::Event || m_shown->kind == EntityKind::Actor ||
         m_shown->kind == EntityKind::Relation || m_shown->kind == EntityKind::Source);
    const bool hasStatus = entry && (std::holds_alternative<Event>(*entry) ||
                                     std::holds_alternative<Relation>(*entry));
    const bool notable = editable && m_shown->kind != EntityKind::Source;
    m_edit->setEnabled(editable);
    m_delete->setEnabled(editable);
    m_note->setEnabled(notable);
    m_cite->setEnabled(notable);
    m_attributes->setEnabled(notable); // events, actors and relations
    m_status->setEnabled(hasStatus && !m_story->isReadOnly());
    if (!entry) {
        m_heading->clear();
        m_text->setHtml(tr("<p><i>Pick an event on the timeline or in the table, or an actor on "
                           "the map, to see its details here.</i></p>"));
        return;
    }
    QString body;
    if (const auto* e = std::get_if<Event>(&*entry)) {
        m_heading->setText(tr("Event"));
        body = eventHtml(*e);
        m_status->setCurrentIndex(int(e->status));
    } else if (const auto* a = std::get_if<Actor>(&*entry)) {
        m_heading->setText(tr("Actor"));
        body = actorHtml(*a);
    } else if (const auto* r = std::get_if<Relation>(&*entry)) {
        m_heading->setText(tr("Relation"));
        body = relationHtml(*r);
        m_status->setCurrentIndex(int(r->status));
    } else if (const auto* s = std::get_if<Source>(&*entry)) {
        m_heading->setText(tr("Source"));
        body = sourceHtml(*s);
    }
    m_text->setHtml(body);
}

QString DetailsPanel::actorName(Id id) const
{
    const auto a = m_story->store().actor(id);
    return a ? a->name : tr("actor %1").arg(id);
}

// The attributes a file brought (Gephi's "Modularity Class", a spreadsheet's extra columns),
// each with its type, timed values with their times; edited with Attributes….
static QString attributesHtml(const Attributes& list)
{
    if (list.isEmpty())
        return {};
    auto shown = [](const Attribute& a, const QString& value) {
        return a.type == AttributeType::List ? value.split(u'|').join(QStringLiteral(", "))
                                             : value;
    };
    QString rows;
    for (const Attribute& a : list) {
        QStringList values;
        if (!a.value.isEmpty() || !a.isTimed())
            values << esc(shown(a, a.value));
        for (const AttributeSpell& spell : a.spells)
            values << DetailsPanel::tr("%1 <small>(%2 – %3)</small>")
                          .arg(esc(shown(a, spell.value)),
                               spell.start.isEmpty() ? QStringLiteral("…") : esc(spell.start),
                               spell.end.isEmpty() ? QStringLiteral("…") : esc(spell.end));
        rows += QStringLiteral("<tr><td>%1</td><td><small>%2</small></td><td>%3</td></tr>")
                    .arg(esc(a.name), esc(attributeTypeName(a.type)),
                         values.join(QStringLiteral("<br>")));
    }
    return DetailsPanel::tr("<h4>Attributes</h4><table>%1</table>").arg(rows);
}

QString DetailsPanel::eventHtml(const Event& e) const
{
    QString h = QStringLiteral("<h3>%1</h3>").arg(esc(e.title));
    const QString described = localDate(e.date);
    if (!e.displayDate.isEmpty())
        h += tr("<p><b>%1</b> — %2 <small>(EDTF %3)</small></p>")
                 .arg(esc(e.displayDate), esc(described), esc(e.date.edtf()));
    else
        h +=
            tr("<p><b>%1</b> <small>(EDTF %2)</small></p>").arg(esc(described), esc(e.date.edtf()));
    QStringList facts;
    facts << tr("Status: <b>%1</b>").arg(statusLabel(e.status));
    for (const Category& c : m_story->store().categories())
        if (c.id == e.categoryId)
            facts << tr("Category: %1").arg(esc(c.name));
    if (!e.location.isEmpty())
        facts << tr("Where: %1").arg(esc(e.location));
    if (!e.tags.isEmpty())
        facts << tr("Tags: %1").arg(esc(e.tags.join(QStringLiteral(", "))));
    facts << tr("Importance: %1/5").arg(e.importance);
    h += QStringLiteral("<p>%1</p>").arg(facts.join(QStringLiteral(" · ")));
    if (!e.summary.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(e.summary));
    if (!e.actors.isEmpty()) {
        h += tr("<h4>Actors</h4><ul>");
        for (const Participation& p : e.actors)
            h += QStringLiteral("<li><a href='chronomap:actor/%1'>%2</a>%3</li>")
                     .arg(p.actorId)
                     .arg(esc(actorName(p.actorId)),
                          p.role.isEmpty() ? QString() : QStringLiteral(" — ") + esc(p.role));
        h += QStringLiteral("</ul>");
    }
    return h + attributesHtml(e.attributes) + attachmentsHtml({EntityKind::Event, e.id});
}

QString DetailsPanel::actorHtml(const Actor& a) const
{
    QString h = QStringLiteral("<h3>%1</h3><p>%2%3</p>")
                    .arg(esc(a.name), actorKindLabel(a.kind),
                         a.role.isEmpty() ? QString() : QStringLiteral(" · ") + esc(a.role));
    if (!a.description.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(a.description));
    const QList<Event> events = m_story->store().eventsOfActor(a.id);
    if (!events.isEmpty()) {
        h += tr("<h4>Events (%1)</h4><ul>").arg(events.size());
        for (const Event& e : events.mid(0, 60))
            h += QStringLiteral("<li><a href='chronomap:event/%1'>%2</a> — %3</li>")
                     .arg(e.id)
                     .arg(esc(e.title),
                          esc(e.displayDate.isEmpty() ? localDate(e.date) : e.displayDate));
        h += QStringLiteral("</ul>");
    }
    QString rel;
    for (const Relation& r : m_story->store().relations())
        if (r.sourceId == a.id || r.targetId == a.id)
            rel += QStringLiteral("<li><a href='chronomap:relation/%1'>%2 %3 %4</a> (%5)</li>")
                       .arg(r.id)
                       .arg(esc(actorName(r.sourceId)), esc(r.type), esc(actorName(r.targetId)),
                            statusLabel(r.status));
    if (!rel.isEmpty())
        h += tr("<h4>Relations</h4><ul>%1</ul>").arg(rel);
    return h + attributesHtml(a.attributes) + attachmentsHtml({EntityKind::Actor, a.id});
}

QString DetailsPanel::relationHtml(const Relation& r) const
{
    QString h = QStringLiteral("<h3><a href='chronomap:actor/%1'>%2</a> %3 "
                               "<a href='chronomap:actor/%4'>%5</a></h3>")
                    .arg(r.sourceId)
                    .arg(esc(actorName(r.sourceId)), esc(r.type))
                    .arg(r.targetId)
                    .arg(esc(actorName(r.targetId)));
    h += tr("<p>Status: <b>%1</b> · %2 · weight %3 · valid %4</p>")
             .arg(statusLabel(r.status), r.directed ? tr("directed") : tr("mutual"))
             .arg(r.weight)
             .arg(r.valid.isValid() ? esc(localDate(r.valid)) : tr("always"));
    if (!r.description.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(r.description));
    return h + attributesHtml(r.attributes) + attachmentsHtml({EntityKind::Relation, r.id});
}

QString DetailsPanel::sourceHtml(const Source& s) const
{
    QString h = QStringLiteral("<h3>%1</h3>").arg(esc(s.title));
    if (!s.publisher.isEmpty() || !s.date.isEmpty())
        h += QStringLiteral("<p>%1 %2</p>").arg(esc(s.publisher), esc(s.date));
    if (!s.url.isEmpty())
        h +=
            isWebLink(s.url)
                ? QStringLiteral("<p><a href='%1'>%2</a></p>").arg(esc(s.url.trimmed()), esc(s.url))
                : QStringLiteral("<p>%1</p>").arg(esc(s.url));
    int cited = 0;
    for (const Citation& c : m_story->store().citations())
        cited += c.sourceId == s.id ? 1 : 0;
    h += tr("<p>Cited %1 times.</p>").arg(cited);
    if (!s.text.isEmpty())
        h += QStringLiteral("<blockquote>%1</blockquote>").arg(esc(s.text.left(2000)));
    return h;
}

QString DetailsPanel::attachmentsHtml(EntityRef ref) const
{
    QString h;
    const QList<Citation> cites = m_story->store().citationsOf(ref);
    if (!cites.isEmpty()) {
        h += tr("<h4>Sources</h4>");
        for (const Citation& c : cites) {
            const auto s = m_story->store().source(c.sourceId);
            const QString title = s ? esc(s->title) : tr("(missing source)");
            const QString link =
                s && isWebLink(s->url)
                    ? QStringLiteral("<a href='%1'>%2</a>").arg(esc(s->url.trimmed()), title)
                    : QStringLiteral("<a href='chronomap:source/%1'>%2</a>")
                          .arg(c.sourceId)
                          .arg(title);
            h += QStringLiteral("<p>%1%2%3<br/><small><a href='chronomap:uncite/%4'>%5</a>"
                                "</small></p>")
                     .arg(link,
                          s && !s->publisher.isEmpty() ? QStringLiteral(", ") + esc(s->publisher)
                                                       : QString(),
                          c.quote.isEmpty()
                              ? QString()
                              : QStringLiteral("<blockquote>“%1”%2</blockquote>")
                                    .arg(esc(c.quote),
                                         c.locator.isEmpty()
                                             ? QString()
                                             : QStringLiteral(" (%1)").arg(esc(c.locator))))
                     .arg(c.id)
                     .arg(tr("remove citation"));
        }
    }
    const QList<Annotation> notes = m_story->store().annotationsOf(ref);
    if (!notes.isEmpty()) {
        h += tr("<h4>Notes</h4>");
        // Threads: each first note, then its replies indented below it.
        std::function<void(Id, int)> thread = [&](Id parent, int depth) {
            for (const Annotation& a : notes) {
                if (a.parentId != parent)
                    continue;
                h += QStringLiteral("<div style='margin-left:%1px;%2'><b>%3</b> <small>%4%5</small>"
                                    "<br/>%6<br/><small><a href='chronomap:reply/%7'>%8</a> · "
                                    "<a href='chronomap:%9/%7'>%10</a></small></div>")
                         .arg(depth * 18)
                         .arg(a.resolved ? QStringLiteral("color:#777") : QString(), esc(a.author),
                              esc(a.created.left(16).replace(u'T', u' ')),
                              a.resolved ? tr(" · resolved") : QString(), esc(a.body))
                         .arg(a.id)
                         .arg(tr("reply"),
                              a.resolved ? QStringLiteral("reopen") : QStringLiteral("resolve"),
                              a.resolved ? tr("reopen") : tr("resolve"));
                if (depth < 20)
                    thread(a.id, depth + 1);
            }
        };
        thread(0, 0);
    }
    return h;
}

void DetailsPanel::refreshHistory()
{
    m_history->clear();
    if (!m_shown || m_tabs->currentIndex() != 1)
        return;
    const QList<ChangeRecord> log = m_story->store().changes(*m_shown);
    for (auto it = log.crbegin(); it != log.crend(); ++it) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, it->at.left(19).replace(u'T', u' '));
        item->setText(1, it->author);
        item->setText(2, changeActionLabel(it->action));
        item->setText(3, changedFields(*it));
        item->setToolTip(3, plainToolTip(tr("Before: %1\nAfter: %2").arg(it->before, it->after)));
    }
    if (log.isEmpty()) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(2, tr("No changes recorded since the story was made."));
    }
    m_history->resizeColumnToContents(0);
}

void DetailsPanel::onLink(const QUrl& url)
{
    if (url.scheme() != QLatin1String("chronomap")) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            QDesktopServices::openUrl(url);
        return;
    }
    const QStringList parts = url.path().split(u'/');
    if (parts.size() != 2)
        return;
    const QString what = parts[0];
    const Id id = parts[1].toLongLong();
    if (what == QLatin1String("reply")) {
        addNote(id);
    } else if (what == QLatin1String("resolve") || what == QLatin1String("reopen")) {
        EditGuard::push(m_story, makeResolve(m_story, id, what == QLatin1String("resolve")));
    } else if (what == QLatin1String("uncite")) {
        EditGuard::push(m_story, makeDeleteCitation(m_story, id));
    } else if (const auto kind = entityKindFromName(what)) {
        if (*kind == EntityKind::Event)
            m_selection->selectEvents({id});
        else if (*kind == EntityKind::Actor)
            m_selection->selectActors({id});
        m_selection->setCurrent(EntityRef{*kind, id});
    }
}

void DetailsPanel::startEdit()
{
    if (!m_shown)
        return;
    const auto entry = readEntity(m_story->store(), *m_shown);
    if (!entry)
        return;
    m_tabs->setCurrentIndex(0);
    // The theme may have changed since the panel was made.
    m_problem->setStyleSheet(WindowTheme::problemStyleSheet(palette()));
    m_form->setEntity(*entry);
    m_editBase = entry;
    m_reload->hide();
    m_stack->setCurrentIndex(1);
    if (m_form->titleEdit())
        m_form->titleEdit()->setFocus();
}

void DetailsPanel::saveEdit()
{
    if (!isEditing())
        return;
    if (!m_form->problem().isEmpty()) {
        m_problem->setText(m_form->problem());
        return;
    }
    QString error;
    if (m_shown && readEntity(m_story->store(), *m_shown) != m_editBase) {
        showConflict(); // someone changed it since editing began: theirs is not overwritten
        return;
    }
    EditCommand* cmd = makeUpdate(m_story, m_form->entity());
    if (cmd && !EditGuard::push(m_story, cmd, &error)) {
        m_problem->setText(error); // the form stays open: nothing typed is lost
        // Refused by the server because someone else's change came first: offer theirs.
        m_reload->setVisible(m_shown && readEntity(m_story->store(), *m_shown) != m_editBase);
        return;
    }
    if (m_form->mediaChanged() && m_shown &&
        !EntryForm::saveMedia(m_story, m_shown->id, m_form->media(), &error)) {
        m_problem->setText(error);
        return;
    }
    m_stack->setCurrentIndex(0);
    refresh();
}

void DetailsPanel::showConflict()
{
    const auto now = readEntity(m_story->store(), *m_shown);
    const QString who = m_story->lastChangeBy(*m_shown);
    if (!now)
        m_problem->setText(tr("This entry was deleted by someone else since you began editing; "
                              "your change was not saved."));
    else
        m_problem->setText(
            tr("This entry was changed by %1 since you began editing; your change was not "
               "saved. Reload Entry shows theirs (replacing what you typed here).")
                .arg(who.isEmpty() ? tr("someone else") : who));
    m_reload->setVisible(now.has_value());
}

void DetailsPanel::reloadEdit()
{
    if (!m_shown)
        return;
    const auto entry = readEntity(m_story->store(), *m_shown);
    if (!entry)
        return;
    m_form->setEntity(*entry);
    m_editBase = entry;
    m_reload->hide();
    m_problem->clear();
}

QString DetailsPanel::problem() const
{
    return m_problem->text();
}

void DetailsPanel::cancelEdit()
{
    m_stack->setCurrentIndex(0);
    refresh();
}

void DetailsPanel::addNote(Id parentId)
{
    if (!m_shown)
        return;
    NoteDialog dialog(m_story->author(), parentId != 0, this);
    if (dialog.exec() != QDialog::Accepted || dialog.text().isEmpty())
        return;
    EditGuard::push(m_story, makeAnnotate(m_story, *m_shown, dialog.text(), parentId));
}

void DetailsPanel::citeSource()
{
    if (!m_shown)
        return;
    CiteDialog dialog(m_story, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.sourceId())
        return;
    EditGuard::push(
        m_story, makeCite(m_story, *m_shown, dialog.sourceId(), dialog.quote(), dialog.locator()));
}

void DetailsPanel::deleteCurrent()
{
    if (!m_shown)
        return;
    EditCommand* cmd = makeDelete(m_story, *m_shown);
    if (!cmd)
        return;
    if (EditGuard::push(m_story, cmd))
        m_selection->setCurrent(std::nullopt);
}

void DetailsPanel::setStatus(Verification status)
{
    if (!m_shown)
        return;
    EditGuard::push(m_story, makeSetStatus(m_story, {*m_shown}, status));
    refreshView(); // shows the stored status again if the change was refused
}

namespace {

const Attributes* attributesOf(const Entity& e)
{
    if (const auto* ev = std::get_if<Event>(&e))
        return &ev->attributes;
    if (const auto* a = std::get_if<Actor>(&e))
        return &a->attributes;
    if (const auto* r = std::get_if<Relation>(&e))
        return &r->attributes;
    return nullptr;
}

} // namespace

void DetailsPanel::editAttributes()
{
    if (!m_shown || m_story->isReadOnly())
        return;
    const auto entry = readEntity(m_story->store(), *m_shown);
    const Attributes* now = entry ? attributesOf(*entry) : nullptr;
    if (!now)
        return;
    AttributesDialog dialog(*now, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto edited = dialog.attributes())
        setAttributes(*edited);
}

bool DetailsPanel::setAttributes(const Attributes& attributes)
{
    if (!m_shown || m_story->isReadOnly())
        return false;
    auto entry = readEntity(m_story->store(), *m_shown);
    const Attributes* now = entry ? attributesOf(*entry) : nullptr;
    if (!now)
        return false;
    if (*now == attributes)
        return true;
    std::visit(
        [&](auto& e) {
            if constexpr (requires { e.attributes; })
                e.attributes = attributes;
        },
        *entry);
    const bool done = EditGuard::push(
        m_story, new ChangeValueCommand(m_story, *entry, QStringLiteral("attributes")));
    refreshView();
    return done;
}

} // namespace chronomap
