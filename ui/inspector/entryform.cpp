#include "entryform.h"

#include "datefield.h"
#include "i18n/labels.h"
#include "edit/edits.h"
#include "story/story.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QUrl>

namespace chronomap {

EntryForm::EntryForm(Story* story, QWidget* parent)
    : QWidget(parent), m_story(story), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void EntryForm::clearForm()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_title = nullptr;
    m_date = nullptr;
    m_summary = nullptr;
    m_attributes = nullptr;
    m_location = nullptr;
    m_category = nullptr;
    m_tags = nullptr;
    m_importance = nullptr;
    m_status = nullptr;
    m_actors = nullptr;
    m_kind = nullptr;
    m_role = nullptr;
    m_from = m_to = nullptr;
    m_directed = nullptr;
    m_weight = nullptr;
    m_publisher = m_url = m_sourceDate = nullptr;
    m_mediaUrl = m_mediaCredit = m_mediaCaption = m_mediaThumbnail = m_mediaAlt = nullptr;
    m_uid = nullptr;
    m_media = {};
}

QComboBox* EntryForm::actorCombo(Id current)
{
    // Searchable: typing any part of a name narrows the list, so a story of thousands of
    // actors is no scroll through a long list.
    auto* combo = new QComboBox;
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMaxVisibleItems(20);
    for (const Actor& a : m_story->store().actors())
        combo->addItem(a.name, a.id);
    combo->model()->sort(0);
    combo->setCurrentIndex(combo->findData(current));
    combo->lineEdit()->setPlaceholderText(tr("Type to find an actor"));
    QCompleter* completer = combo->completer();
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setMaxVisibleItems(20);
    // A picked completion makes that actor current (the text alone names no one).
    connect(completer, qOverload<const QModelIndex&>(&QCompleter::activated), combo,
            [combo](const QModelIndex& index) {
                const int row = combo->findData(index.data(Qt::UserRole));
                if (row >= 0)
                    combo->setCurrentIndex(row);
            });
    return combo;
}

QComboBox* EntryForm::statusCombo(Verification current)
{
    auto* combo = new QComboBox;
    for (int v = 0; v <= int(Verification::Cleared); ++v)
        combo->addItem(statusLabel(Verification(v)), v);
    combo->setCurrentIndex(int(current));
    return combo;
}

void EntryForm::addParticipant(Id actorId, const QString& role)
{
    const int row = m_actors->rowCount();
    m_actors->insertRow(row);
    m_actors->setCellWidget(row, 0, actorCombo(actorId));
    m_actors->setItem(row, 1, new QTableWidgetItem(role));
}

namespace {

// The attribute editor's lines back as attributes: "name (type): value" keeps the type (a value
// that does not fit it is kept as text), "name: value" takes the type it had or its value's.
Attributes attributesFromText(const QString& text, const Attributes& before)
{
    static const QRegularExpression typed(
        QStringLiteral("^(.*?)\\s*\\((string|integer|double|boolean|date|list)\\)\\s*:\\s*(.*)$"));
    Attributes out;
    for (const QString& raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QString name, type, value;
        if (const auto m = typed.match(line); m.hasMatch()) {
            name = m.captured(1).trimmed();
            type = m.captured(2);
            value = m.captured(3);
        } else if (const qsizetype colon = line.indexOf(u':'); colon > 0) {
            name = line.left(colon).trimmed();
            value = line.mid(colon + 1).trimmed();
            if (const Attribute* old = findAttribute(before, name))
                type = attributeTypeName(old->type);
        } else {
            continue;
        }
        std::optional<Attribute> a = type.isEmpty() ? std::optional<Attribute>(guessedValue(value))
                                     : type == QLatin1String("list")
                                         ? std::optional<Attribute>(
                                               Attribute{name, AttributeType::List, value})
                                         : typedAttribute(type, value);
        const Attribute* old = findAttribute(before, name);
        // A timed attribute (shown with its own value only, often none) keeps its timed values.
        if (old && old->isTimed() && value.trimmed().isEmpty()) {
            setAttribute(out, name, *old);
            continue;
        }
        if (!a)
            a = Attribute{name, AttributeType::String, value};
        if (old && old->type == a->type)
            a->spells = old->spells;
        setAttribute(out, name, *a);
    }
    return out;
}

} // namespace

void EntryForm::setEntity(const Entity& entity)
{
    clearForm();
    m_entity = entity;
    // A label's "&" marks its shortcut key: a screen reader should not read it out.
    auto spoken = [](const QString& label) {
        return QString(label).replace(QLatin1String("&&"), QStringLiteral("\x01"))
            .remove(u'&')
            .replace(QStringLiteral("\x01"), QStringLiteral("&"));
    };
    auto lineEdit = [this, spoken](const QString& label, const QString& text) {
        auto* e = new QLineEdit(text);
        e->setAccessibleName(spoken(label));
        m_layout->addRow(label, e);
        connect(e, &QLineEdit::textChanged, this, &EntryForm::validityChanged);
        return e;
    };
    auto textEdit = [this, spoken](const QString& label, const QString& text) {
        auto* e = new QPlainTextEdit(text);
        e->setAccessibleName(spoken(label));
        e->setTabChangesFocus(true);
        e->setMinimumHeight(70);
        m_layout->addRow(label, e);
        return e;
    };
    // The typed attributes a file brought, one a line: "Modularity Class (integer): 3".
    auto attributesEdit = [this, &textEdit](const Attributes& list) {
        QStringList lines;
        for (const Attribute& a : list)
            lines << QStringLiteral("%1 (%2): %3").arg(a.name, attributeTypeName(a.type), a.value);
        QPlainTextEdit* e = textEdit(tr("&Attributes"), lines.join(u'\n'));
        e->setObjectName(QStringLiteral("attributesEdit"));
        e->setPlaceholderText(tr("name (integer): 3, one a line"));
        return e;
    };
    if (const auto* e = std::get_if<Event>(&entity)) {
        m_title = lineEdit(tr("&Title"), e->title);
        m_title->setObjectName(QStringLiteral("titleEdit"));
        m_date = new DateField;
        m_date->setObjectName(QStringLiteral("dateField"));
        m_date->setDate(e->date, e->displayDate);
        connect(m_date, &DateField::dateChanged, this, &EntryForm::validityChanged);
        m_layout->addRow(tr("&Date"), m_date);
        m_summary = textEdit(tr("&Summary"), e->summary);
        m_location = lineEdit(tr("&Location"), e->location);
        m_category = new QComboBox;
        m_category->addItem(tr("(none)"), Id(0));
        for (const Category& c : m_story->store().categories())
            m_category->addItem(c.name, c.id);
        m_category->setCurrentIndex(std::max(0, m_category->findData(e->categoryId)));
        m_layout->addRow(tr("&Category"), m_category);
        m_tags = lineEdit(tr("T&ags"), e->tags.join(QStringLiteral(", ")));
        m_tags->setPlaceholderText(tr("comma-separated"));
        m_importance = new QSpinBox;
        m_importance->setRange(0, 5);
        m_importance->setValue(e->importance);
        m_layout->addRow(tr("&Importance"), m_importance);
        m_status = statusCombo(e->status);
        m_layout->addRow(tr("Stat&us"), m_status);
        m_actors = new QTableWidget(0, 2);
        m_actors->setHorizontalHeaderLabels({tr("Actor"), tr("Role")});
        m_actors->horizontalHeader()->setStretchLastSection(true);
        m_actors->verticalHeader()->hide();
        m_actors->setMinimumHeight(110);
        m_actors->setAccessibleName(tr("Actors and their roles"));
        for (const Participation& p : e->actors)
            addParticipant(p.actorId, p.role);
        auto* buttons = new QHBoxLayout;
        auto* add = new QPushButton(tr("Add actor"));
        auto* remove = new QPushButton(tr("Remove actor"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        connect(add, &QPushButton::clicked, this, [this] { addParticipant(0, QString()); });
        connect(remove, &QPushButton::clicked, this, [this] {
            if (m_actors->currentRow() >= 0)
                m_actors->removeRow(m_actors->currentRow());
        });
        auto* box = new QWidget;
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(m_actors);
        boxLayout->addLayout(buttons);
        m_layout->addRow(tr("Actors"), box);
        // The picture or video a TimelineJS slide shows with the event.
        m_media = e->id ? mediaOf(m_story->store(), e->id) : EventMedia{};
        m_mediaUrl = lineEdit(tr("&Media link"), m_media.url);
        m_mediaUrl->setObjectName(QStringLiteral("mediaUrlEdit"));
        m_mediaUrl->setPlaceholderText(QStringLiteral("https://"));
        m_mediaCredit = lineEdit(tr("Media cr&edit"), m_media.credit);
        m_mediaCredit->setObjectName(QStringLiteral("mediaCreditEdit"));
        m_mediaCaption = lineEdit(tr("Media ca&ption"), m_media.caption);
        m_mediaCaption->setObjectName(QStringLiteral("mediaCaptionEdit"));
        m_mediaThumbnail = lineEdit(tr("Media t&humbnail"), m_media.thumbnail);
        m_mediaThumbnail->setObjectName(QStringLiteral("mediaThumbnailEdit"));
        m_mediaThumbnail->setPlaceholderText(QStringLiteral("https://"));
        m_mediaAlt = lineEdit(tr("Media alt te&xt"), m_media.alt);
        m_mediaAlt->setObjectName(QStringLiteral("mediaAltEdit"));
        m_mediaAlt->setPlaceholderText(tr("what the picture shows, for those who cannot see it"));
        // The identifier a TimelineJS sheet or re-import knows the event by.
        m_uid = lineEdit(tr("U&nique id"), e->uid);
        m_uid->setObjectName(QStringLiteral("uidEdit"));
        m_attributes = attributesEdit(e->attributes);
    } else if (const auto* a = std::get_if<Actor>(&entity)) {
        m_title = lineEdit(tr("&Name"), a->name);
        m_title->setObjectName(QStringLiteral("titleEdit"));
        m_kind = new QComboBox;
        for (int k = 0; k <= int(ActorKind::Group); ++k)
            m_kind->addItem(actorKindLabel(ActorKind(k)), k);
        m_kind->setCurrentIndex(int(a->kind));
        m_layout->addRow(tr("&Kind"), m_kind);
        m_role = lineEdit(tr("&Role"), a->role);
        m_summary = textEdit(tr("&Description"), a->description);
        m_attributes = attributesEdit(a->attributes);
    } else if (const auto* r = std::get_if<Relation>(&entity)) {
        m_from = actorCombo(r->sourceId);
        m_layout->addRow(tr("&From"), m_from);
        m_title = lineEdit(tr("&Type"), r->type);
        m_title->setObjectName(QStringLiteral("titleEdit"));
        m_title->setPlaceholderText(tr("negotiates with, sanctions, advises…"));
        m_to = actorCombo(r->targetId);
        m_layout->addRow(tr("T&o"), m_to);
        m_directed = new QCheckBox(tr("Directed (from → to)"));
        m_directed->setChecked(r->directed);
        m_layout->addRow(QString(), m_directed);
        m_date = new DateField;
        m_date->setOptional(true);
        m_date->setDate(r->valid);
        connect(m_date, &DateField::dateChanged, this, &EntryForm::validityChanged);
        m_layout->addRow(tr("&Valid"), m_date);
        m_weight = new QDoubleSpinBox;
        m_weight->setRange(0.0, 100.0);
        m_weight->setValue(r->weight);
        m_layout->addRow(tr("&Weight"), m_weight);
        m_status = statusCombo(r->status);
        m_layout->addRow(tr("Stat&us"), m_status);
        m_summary = textEdit(tr("&Description"), r->description);
        m_attributes = attributesEdit(r->attributes);
        for (QComboBox* c : {m_from, m_to})
            connect(c, &QComboBox::currentIndexChanged, this, &EntryForm::validityChanged);
    } else if (const auto* s = std::get_if<Source>(&entity)) {
        m_title = lineEdit(tr("&Title"), s->title);
        m_title->setObjectName(QStringLiteral("titleEdit"));
        m_publisher = lineEdit(tr("&Publisher"), s->publisher);
        m_url = lineEdit(tr("&Link"), s->url);
        m_url->setPlaceholderText(QStringLiteral("https://"));
        m_sourceDate = lineEdit(tr("Published (&EDTF)"), s->date);
        m_summary = textEdit(tr("Te&xt or excerpt"), s->text);
    }
    emit validityChanged();
}

Entity EntryForm::entity() const
{
    Entity out = m_entity;
    if (auto* e = std::get_if<Event>(&out)) {
        e->title = m_title->text().trimmed();
        e->date = m_date->date();
        e->displayDate = m_date->displayDate();
        e->summary = m_summary->toPlainText().trimmed();
        e->location = m_location->text().trimmed();
        e->categoryId = m_category->currentData().toLongLong();
        QStringList tags;
        for (const QString& t : m_tags->text().split(u',', Qt::SkipEmptyParts))
            if (!t.trimmed().isEmpty() && !tags.contains(t.trimmed()))
                tags << t.trimmed();
        e->tags = tags;
        e->importance = m_importance->value();
        e->uid = m_uid->text().trimmed();
        e->attributes = attributesFromText(m_attributes->toPlainText(), e->attributes);
        e->status = Verification(m_status->currentData().toInt());
        QList<Participation> actors;
        for (int row = 0; row < m_actors->rowCount(); ++row) {
            const auto* combo = qobject_cast<QComboBox*>(m_actors->cellWidget(row, 0));
            const Id id = combo ? combo->currentData().toLongLong() : 0;
            const QString role =
                m_actors->item(row, 1) ? m_actors->item(row, 1)->text().trimmed() : QString();
            bool seen = false;
            for (const Participation& p : actors)
                seen = seen || p.actorId == id;
            if (id && !seen)
                actors << Participation{id, role};
        }
        // Keep the stored order when nothing but roles changed, so "no change" stays so.
        e->actors = actors;
    } else if (auto* a = std::get_if<Actor>(&out)) {
        a->name = m_title->text().trimmed();
        // A kind the file did not give stays unknown until the user chooses another.
        const ActorKind chosen = ActorKind(m_kind->currentData().toInt());
        if (a->kindKnown || chosen != a->kind)
            a->kindKnown = true;
        a->kind = chosen;
        a->role = m_role->text().trimmed();
        a->description = m_summary->toPlainText().trimmed();
        a->attributes = attributesFromText(m_attributes->toPlainText(), a->attributes);
    } else if (auto* r = std::get_if<Relation>(&out)) {
        r->sourceId = m_from->currentData().toLongLong();
        r->targetId = m_to->currentData().toLongLong();
        r->type = m_title->text().trimmed();
        r->directed = m_directed->isChecked();
        r->valid = m_date->date();
        r->weight = m_weight->value();
        r->status = Verification(m_status->currentData().toInt());
        r->description = m_summary->toPlainText().trimmed();
        r->attributes = attributesFromText(m_attributes->toPlainText(), r->attributes);
    } else if (auto* s = std::get_if<Source>(&out)) {
        s->title = m_title->text().trimmed();
        s->publisher = m_publisher->text().trimmed();
        s->url = m_url->text().trimmed();
        s->date = m_sourceDate->text().trimmed();
        s->text = m_summary->toPlainText();
    }
    return out;
}

EventMedia EntryForm::media() const
{
    if (!m_mediaUrl)
        return {};
    return EventMedia{m_mediaUrl->text().trimmed(), m_mediaCredit->text().trimmed(),
                      m_mediaCaption->text().trimmed(), m_mediaThumbnail->text().trimmed(),
                      m_mediaAlt->text().trimmed()};
}

bool EntryForm::mediaChanged() const
{
    return m_mediaUrl && media() != m_media;
}

bool EntryForm::saveMedia(Story* story, Id eventId, const EventMedia& media, QString* error)
{
    Id citation = 0;
    const EventMedia now = mediaOf(story->store(), eventId, &citation);
    if (now == media)
        return true;
    if (citation)
        return EditGuard::push(story, makeSetMedia(story, eventId, media), error) ||
               (error && error->isEmpty());
    // New media: the source, then the citation that names it, as one step to undo.
    QUndoStack* stack = story->undoStack();
    stack->beginMacro(tr("Add media to “%1”").arg(story->store().eventTitle(eventId)));
    EditCommand* source = makeMediaSource(story, media);
    bool ok = EditGuard::push(story, source, error);
    if (ok)
        ok = EditGuard::push(story, makeMediaCitation(story, eventId, source->createdId(), media),
                             error);
    stack->endMacro();
    return ok;
}

QString EntryForm::problem() const
{
    if (!m_title)
        return tr("Nothing to edit.");
    if (m_title->text().trimmed().isEmpty())
        return std::holds_alternative<Actor>(m_entity)      ? tr("Give the actor a name.")
               : std::holds_alternative<Relation>(m_entity) ? tr("Say what the relation is.")
                                                            : tr("Give it a title.");
    if (m_date && !m_date->isAcceptable())
        return tr("Date: %1").arg(m_date->error());
    if (m_from && (!m_from->currentData().toLongLong() || !m_to->currentData().toLongLong()))
        return tr("Pick both actors of the relation.");
    if (m_mediaUrl && !m_mediaUrl->text().trimmed().isEmpty()) {
        const QUrl url(m_mediaUrl->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty())
            return tr("The media link is not a web address (it should start with https://).");
    }
    if (m_url && !m_url->text().trimmed().isEmpty()) {
        const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty())
            return tr("The link is not a web address (it should start with https://).");
    }
    if (m_sourceDate && !m_sourceDate->text().trimmed().isEmpty() &&
        !PartialDate::fromEdtf(m_sourceDate->text().trimmed()).isValid())
        return tr("The publication date is not EDTF (for example 2025-11-20).");
    return {};
}

} // namespace chronomap
