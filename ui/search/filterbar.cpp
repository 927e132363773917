#include "filterbar.h"

#include "i18n/labels.h"
#include "inspector/datefield.h"
#include "query/selection.h"
#include "story/story.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

#include <algorithm>

namespace chronomap {

namespace {
// Listing every tag reads every event: only for stories a menu can afford.
constexpr qint64 kTagListLimit = 200000;
// The actor menu lists this many names at most; the search line above finds the others.
constexpr int kActorMenuRows = 60;

// A name as menus and buttons should show it: "Sanctions & economy", not a mnemonic on "e".
QString shownAsWritten(QString name)
{
    return name.replace(u'&', QLatin1String("&&"));
}

QColor mixed(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * share),
                            float(a.greenF() + (b.greenF() - a.greenF()) * share),
                            float(a.blueF() + (b.blueF() - a.blueF()) * share));
}
} // namespace

FilterBar::FilterBar(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_chips(new QHBoxLayout),
      m_none(new QLabel(tr("<i>No filters: showing everything</i>"))),
      m_clear(new QPushButton(tr("Clear filters"))), m_actorMenu(new QMenu(this)),
      m_categoryMenu(new QMenu(this)), m_tagMenu(new QMenu(this)), m_statusMenu(new QMenu(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Filter:")));
    auto addMenu = [&](const QString& text, QMenu* menu, void (FilterBar::*fill)()) {
        auto* b = new QToolButton;
        b->setText(text);
        b->setAccessibleName(tr("Filter by %1").arg(text));
        b->setPopupMode(QToolButton::InstantPopup);
        b->setMenu(menu);
        connect(menu, &QMenu::aboutToShow, this, fill);
        layout->addWidget(b);
    };
    addMenu(tr("Actor"), m_actorMenu, &FilterBar::fillActorMenu);
    addMenu(tr("Category"), m_categoryMenu, &FilterBar::fillCategoryMenu);
    addMenu(tr("Tag"), m_tagMenu, &FilterBar::fillTagMenu);
    addMenu(tr("Status"), m_statusMenu, &FilterBar::fillStatusMenu);
    auto* window = new QToolButton;
    window->setText(tr("Dates…"));
    window->setAccessibleName(tr("Filter by dates"));
    window->setToolTip(tr("Show only a date window, e.g. “Aug 2025 to Nov 2025”"));
    connect(window, &QToolButton::clicked, this, &FilterBar::chooseWindow);
    layout->addWidget(window);
    layout->addSpacing(12);
    layout->addWidget(m_none);
    layout->addLayout(m_chips);
    layout->addStretch();
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    layout->addWidget(m_clear);
    connect(m_clear, &QPushButton::clicked, this, &FilterBar::clearFilters);
    connect(selection, &Selection::filterChanged, this, &FilterBar::rebuildChips);
    rebuildChips();
}

QStringList FilterBar::activeFilters() const
{
    return m_active;
}

void FilterBar::clearFilters()
{
    // Only the filters: where the user zoomed stays (navigating is not filtering).
    m_selection->setFilter({});
}

void FilterBar::addChip(const QString& text, const std::function<void()>& remove)
{
    auto* chip = new QToolButton;
    chip->setText(shownAsWritten(text) + QStringLiteral("  ✕"));
    chip->setToolTip(tr("Remove this filter"));
    chip->setAccessibleName(tr("Filter %1, remove").arg(text));
    // A tint of the highlight on the field colour, with the palette's own text: readable in
    // the light and the dark theme (the chips are made again when the palette changes).
    const QPalette p = palette();
    chip->setStyleSheet(
        QStringLiteral("QToolButton{border:1px solid %1; border-radius:9px;"
                       "padding:1px 8px; background:%2; color:%3;}")
            .arg(mixed(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.6).name(),
                 mixed(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.15).name(),
                 p.color(QPalette::Text).name()));
    connect(chip, &QToolButton::clicked, this, [remove] { remove(); });
    m_chips->addWidget(chip);
    m_active << text;
}

void FilterBar::rebuildChips()
{
    while (QLayoutItem* item = m_chips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_active.clear();
    const Selection::Filter f = m_selection->filter();
    const Store& store = m_story->store();
    auto without = [this](auto member, auto value) {
        return [this, member, value] {
            Selection::Filter g = m_selection->filter();
            (g.*member).remove(value);
            m_selection->setFilter(g);
        };
    };
    for (Id id : f.actors) {
        const auto a = store.actor(id);
        addChip(tr("Actor: %1").arg(a ? a->name : QString::number(id)),
                without(&Selection::Filter::actors, id));
    }
    for (const Category& c : store.categories())
        if (f.categories.contains(c.id))
            addChip(tr("Category: %1").arg(c.name), without(&Selection::Filter::categories, c.id));
    QStringList tags(f.tags.begin(), f.tags.end());
    tags.sort();
    for (const QString& t : tags)
        addChip(tr("Tag: %1").arg(t), without(&Selection::Filter::tags, t));
    QList<int> statuses(f.statuses.begin(), f.statuses.end());
    std::sort(statuses.begin(), statuses.end());
    for (int s : statuses)
        addChip(tr("Status: %1").arg(statusLabel(Verification(s))),
                without(&Selection::Filter::statuses, s));
    // The date window the user chose (Dates…); zooming and panning add no chip.
    if (f.hasDates()) {
        addChip(tr("Dates: %1 – %2").arg(PartialDate::isoDay(f.from), PartialDate::isoDay(f.to)),
                [this] {
                    Selection::Filter g = m_selection->filter();
                    g.from = g.to = 0;
                    m_selection->setFilter(g);
                });
    }
    if (f.searchHits)
        addChip(tr("Search: %1").arg(f.searchText), [this] {
            Selection::Filter g = m_selection->filter();
            g.searchHits.reset();
            g.searchText.clear();
            m_selection->setFilter(g);
        });
    m_none->setVisible(m_active.isEmpty());
    m_clear->setEnabled(!m_active.isEmpty());
}

void FilterBar::changeEvent(QEvent* event)
{
    // The theme changed (View › Theme, or the desktop went dark): chips take the new colours.
    if (event->type() == QEvent::PaletteChange)
        rebuildChips();
    QWidget::changeEvent(event);
}

void FilterBar::fillActorMenu()
{
    // A search line above the list: a story of thousands of actors is found by typing, the
    // list shows the first kActorMenuRows names that match.
    m_actorMenu->clear();
    auto* search = new QLineEdit;
    search->setObjectName(QStringLiteral("actorFilterSearch"));
    search->setPlaceholderText(tr("Type to find an actor…"));
    search->setClearButtonEnabled(true);
    search->setAccessibleName(tr("Find an actor"));
    auto* searchAction = new QWidgetAction(m_actorMenu);
    searchAction->setDefaultWidget(search);
    m_actorMenu->addAction(searchAction);
    m_actorMenu->addSeparator();
    QList<Actor> actors = m_story->store().actors();
    std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    auto list = [this, actors](const QString& text) {
        // Everything after the search line and its separator is the list.
        const QList<QAction*> old = m_actorMenu->actions();
        for (qsizetype i = 2; i < old.size(); ++i) {
            m_actorMenu->removeAction(old[i]);
            old[i]->deleteLater();
        }
        const QSet<Id> chosen = m_selection->filter().actors;
        int shown = 0, matching = 0;
        for (const Actor& a : actors) {
            if (!text.isEmpty() && !a.name.contains(text, Qt::CaseInsensitive))
                continue;
            ++matching;
            if (shown >= kActorMenuRows)
                continue;
            ++shown;
            QAction* act = m_actorMenu->addAction(shownAsWritten(a.name));
            act->setCheckable(true);
            act->setChecked(chosen.contains(a.id));
            const Id id = a.id;
            connect(act, &QAction::toggled, this, [this, id](bool on) {
                Selection::Filter f = m_selection->filter();
                on ? void(f.actors.insert(id)) : void(f.actors.remove(id));
                m_selection->setFilter(f);
            });
        }
        if (matching > shown)
            m_actorMenu
                ->addAction(tr("… %L1 more: type more of the name").arg(matching - shown))
                ->setEnabled(false);
        else if (matching == 0)
            m_actorMenu->addAction(tr("(no actor matches)"))->setEnabled(false);
    };
    list(QString());
    connect(search, &QLineEdit::textChanged, m_actorMenu, list);
    search->setFocus();
}

void FilterBar::fillCategoryMenu()
{
    m_categoryMenu->clear();
    const QSet<Id> chosen = m_selection->filter().categories;
    for (const Category& c : m_story->store().categories()) {
        QAction* act = m_categoryMenu->addAction(shownAsWritten(c.name));
        act->setCheckable(true);
        act->setChecked(chosen.contains(c.id));
        const Id id = c.id;
        connect(act, &QAction::toggled, this, [this, id](bool on) {
            Selection::Filter f = m_selection->filter();
            on ? void(f.categories.insert(id)) : void(f.categories.remove(id));
            m_selection->setFilter(f);
        });
    }
    if (m_categoryMenu->isEmpty())
        m_categoryMenu->addAction(tr("(the story has no categories)"))->setEnabled(false);
}

void FilterBar::fillTagMenu()
{
    m_tagMenu->clear();
    if (m_story->store().counts().events > kTagListLimit) {
        m_tagMenu->addAction(tr("(too many events to list their tags)"))->setEnabled(false);
        return;
    }
    QSet<QString> all;
    for (const Event& e : m_story->store().events())
        for (const QString& t : e.tags)
            all.insert(t);
    QStringList tags(all.begin(), all.end());
    tags.sort(Qt::CaseInsensitive);
    const QSet<QString> chosen = m_selection->filter().tags;
    for (const QString& t : tags) {
        QAction* act = m_tagMenu->addAction(shownAsWritten(t));
        act->setCheckable(true);
        act->setChecked(chosen.contains(t));
        connect(act, &QAction::toggled, this, [this, t](bool on) {
            Selection::Filter f = m_selection->filter();
            on ? void(f.tags.insert(t)) : void(f.tags.remove(t));
            m_selection->setFilter(f);
        });
    }
    if (tags.isEmpty())
        m_tagMenu->addAction(tr("(no tags yet)"))->setEnabled(false);
}

void FilterBar::fillStatusMenu()
{
    m_statusMenu->clear();
    const QSet<int> chosen = m_selection->filter().statuses;
    for (int v = 0; v <= int(Verification::Cleared); ++v) {
        QAction* act = m_statusMenu->addAction(statusLabel(Verification(v)));
        act->setCheckable(true);
        act->setChecked(chosen.contains(v));
        connect(act, &QAction::toggled, this, [this, v](bool on) {
            Selection::Filter f = m_selection->filter();
            on ? void(f.statuses.insert(v)) : void(f.statuses.remove(v));
            m_selection->setFilter(f);
        });
    }
}

void FilterBar::chooseWindow()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Date Window"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Show only what happened in (e.g. “Aug 2025 to Nov 2025”, "
                                    "“late October 2025”, “2025”):")));
    auto* field = new DateField;
    layout->addWidget(field);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(field, &DateField::dateChanged, &dialog, [field, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(field->isAcceptable());
    });
    field->setText(QString());
    dialog.resize(460, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted || !field->date().isValid())
        return;
    const PartialDate d = field->date();
    Selection::Filter f = m_selection->filter();
    f.from = d.nominalStart();
    f.to = d.nominalEnd();
    m_selection->setFilter(f);
    // And the charts go there: what the filter keeps is in view.
    m_selection->setTimeWindow(d.nominalStart(), d.nominalEnd());
}

} // namespace chronomap
