#include "actormapview.h"

#include "actormaplayer.h"
#include "query/selection.h"
#include "story/story.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace chronomap {

ActorMapView::ActorMapView(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection),
      m_chart(new ActorMapChart(story, selection, this))
{
    QCustomPlot* plot = m_chart->plot();
    plot->setParent(this);
    plot->setMouseTracking(true);
    plot->installEventFilter(this);
    plot->setContextMenuPolicy(Qt::NoContextMenu);
    plot->setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot);

    // Progress and Cancel for long layouts, over the top of the map.
    m_progressBar = new QWidget(this);
    m_progressBar->setAutoFillBackground(true);
    auto* bar = new QHBoxLayout(m_progressBar);
    bar->setContentsMargins(8, 4, 8, 4);
    m_progressLabel = new QLabel(m_progressBar);
    m_progress = new QProgressBar(m_progressBar);
    m_progress->setRange(0, 100);
    auto* cancel = new QPushButton(tr("Cancel"), m_progressBar);
    bar->addWidget(m_progressLabel);
    bar->addWidget(m_progress, 1);
    bar->addWidget(cancel);
    m_progressBar->hide();
    connect(cancel, &QPushButton::clicked, m_chart, &ActorMapChart::cancelLayout);
    connect(m_chart, &ActorMapChart::workProgress, this,
            [this](double f) { m_progress->setValue(int(std::lround(f * 100))); });
    connect(m_chart, &ActorMapChart::workStarted, this, [this](const QString& what) {
        m_progressLabel->setText(what);
        m_progress->setValue(0);
        showProgressSoon();
    });
    connect(m_chart, &ActorMapChart::workStopped, m_progressBar, &QWidget::hide);
    connect(m_chart, &ActorMapChart::stateChanged, this, &ActorMapView::updateActions);
    connect(m_chart, &ActorMapChart::graphLoaded, this, &ActorMapView::graphLoaded);
    connect(m_chart, &ActorMapChart::graphLoaded, this, &ActorMapView::fillStyleMenus);
    connect(m_chart, &ActorMapChart::layoutFinished, this, &ActorMapView::layoutFinished);

    buildActions();
}

ActorMapView::~ActorMapView() = default;

QCustomPlot* ActorMapView::plot() const
{
    return m_chart->plot();
}

ActorMapLayer* ActorMapView::layer() const
{
    return m_chart->layer();
}

void ActorMapView::layoutNow()
{
    m_chart->layoutNow();
}

bool ActorMapView::isLayingOut() const
{
    return m_chart->isLayingOut();
}

bool ActorMapView::isLoading() const
{
    return m_chart->isLoading();
}

int ActorMapView::layoutRuns() const
{
    return m_chart->layoutRuns();
}

void ActorMapView::setAnimated(bool animated)
{
    m_chart->setAnimated(animated);
}

void ActorMapView::fitMap()
{
    m_chart->fitMap();
}

void ActorMapView::fitMapToShape()
{
    m_chart->fitMapToShape();
}

void ActorMapView::setTheme(const ChartTheme& theme)
{
    m_chart->setTheme(theme);
}

void ActorMapView::setSizeBy(SizeBy by)
{
    m_chart->setSizeBy(by);
    m_chart->rememberStyle();
}

void ActorMapView::setColourByCommunity(bool community)
{
    m_chart->setColourByCommunity(community);
    m_chart->rememberStyle();
}

void ActorMapView::setSizeKey(const QString& key)
{
    m_chart->setSizeKey(key);
    m_chart->rememberStyle();
}

void ActorMapView::setColourKey(const QString& key)
{
    m_chart->setColourKey(key);
    m_chart->rememberStyle();
}

void ActorMapView::fillStyleMenus()
{
    auto fill = [this](QMenu* menu, const QList<ActorMapChart::StyleOption>& options,
                       const QString& current, void (ActorMapView::*set)(const QString&)) {
        menu->clear();
        auto* group = new QActionGroup(menu);
        for (const ActorMapChart::StyleOption& o : options) {
            QAction* a = menu->addAction(o.label);
            a->setObjectName(QStringLiteral("mapStyle:") + o.key);
            a->setCheckable(true);
            a->setChecked(o.key == current);
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, set, key = o.key] { (this->*set)(key); });
        }
    };
    fill(m_sizeMenu, m_chart->sizeOptions(), m_chart->sizeKey(), &ActorMapView::setSizeKey);
    fill(m_colourMenu, m_chart->colourOptions(), m_chart->colourKey(), &ActorMapView::setColourKey);
}

void ActorMapView::setEgoSteps(int steps)
{
    m_chart->setEgoSteps(steps, m_picked);
}

Id ActorMapView::actorAt(const QPoint& plotPos) const
{
    return m_chart->actorOfNode(m_chart->nodeAt(plotPos));
}

std::optional<QPointF> ActorMapView::pixelOf(Id actor) const
{
    return m_chart->pixelOf(actor);
}

std::optional<QPointF> ActorMapView::positionOf(Id actor) const
{
    return m_chart->positionOf(actor);
}

void ActorMapView::buildActions()
{
    auto make = [this](const QString& text, const QKeySequence& key = {}) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        // Only while the map has focus: the timeline may use the same keys.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    m_fit = make(tr("Fit Actor Map"), QKeySequence(Qt::Key_Home));
    connect(m_fit, &QAction::triggered, this, &ActorMapView::fitMap);

    // What sizes and colours the actors: centralities, kinds, communities and the story's own
    // attributes (a file's "Modularity Class"), listed afresh each time the menu opens.
    m_sizeMenu = new QMenu(tr("Size Actors By"), this);
    m_sizeMenu->setObjectName(QStringLiteral("mapSizeMenu"));
    m_colourMenu = new QMenu(tr("Colour Actors By"), this);
    m_colourMenu->setObjectName(QStringLiteral("mapColourMenu"));
    addAction(m_sizeMenu->menuAction());
    addAction(m_colourMenu->menuAction());
    connect(m_sizeMenu, &QMenu::aboutToShow, this, &ActorMapView::fillStyleMenus);
    connect(m_colourMenu, &QMenu::aboutToShow, this, &ActorMapView::fillStyleMenus);
    fillStyleMenus();

    m_ego1 = make(tr("Ego View: 1 Step"), QKeySequence(Qt::Key_1));
    m_ego2 = make(tr("Ego View: 2 Steps"), QKeySequence(Qt::Key_2));
    m_egoWhole = make(tr("Whole Map"), QKeySequence(Qt::Key_0));
    connect(m_ego1, &QAction::triggered, this, [this] { setEgoSteps(1); });
    connect(m_ego2, &QAction::triggered, this, [this] { setEgoSteps(2); });
    connect(m_egoWhole, &QAction::triggered, this, [this] { setEgoSteps(0); });

    m_onlyEvents = make(tr("Show Only This Actor's Events"), QKeySequence(Qt::Key_E));
    connect(m_onlyEvents, &QAction::triggered, this, [this] {
        if (!m_picked)
            return;
        Selection::Filter f = m_selection->filter();
        f.actors = {m_picked};
        m_selection->setFilter(f);
    });
    m_clearFilter = make(tr("Clear Actor Filter"));
    connect(m_clearFilter, &QAction::triggered, this, [this] {
        Selection::Filter f = m_selection->filter();
        f.actors.clear();
        m_selection->setFilter(f);
    });
    m_unpin = make(tr("Unpin Actor"), QKeySequence(Qt::Key_U));
    m_unpin->setObjectName(QStringLiteral("unpinActorAction"));
    connect(m_unpin, &QAction::triggered, this, [this] {
        if (m_picked)
            pinActor(m_picked, std::nullopt);
    });
    m_relayout = make(tr("Lay Out Map Again"));
    connect(m_relayout, &QAction::triggered, m_chart, &ActorMapChart::relayout);
    m_cancel = make(tr("Cancel Map Layout"));
    connect(m_cancel, &QAction::triggered, m_chart, &ActorMapChart::cancelLayout);
    updateActions();
}

void ActorMapView::updateActions()
{
    const bool picked = m_picked != 0;
    m_ego1->setEnabled(picked);
    m_ego2->setEnabled(picked);
    m_egoWhole->setEnabled(m_chart->egoSteps() != 0);
    m_onlyEvents->setEnabled(picked);
    m_clearFilter->setEnabled(!m_selection->filter().actors.isEmpty());
    const int node = m_chart->nodeOf(m_picked);
    m_unpin->setEnabled(node >= 0 && m_chart->graph().pinned[std::size_t(node)].has_value());
    m_cancel->setEnabled(m_chart->isWorking());
}

void ActorMapView::showProgressSoon()
{
    // Short runs finish before anyone could read a progress bar: show it only if needed.
    QTimer::singleShot(300, this, [this] {
        if (m_chart->isWorking()) {
            m_progressBar->setGeometry(0, 0, width(), m_progressBar->sizeHint().height());
            m_progressBar->show();
            m_progressBar->raise();
        }
    });
}

void ActorMapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_progressBar->isVisible())
        m_progressBar->setGeometry(0, 0, width(), m_progressBar->sizeHint().height());
}

} // namespace chronomap
