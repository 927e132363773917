#include "actormapchart.h"

#include "actormaplayer.h"
#include "graph/graphjob.h"
#include "query/selection.h"
#include "story/story.h"

#include <QEvent>
#include <QPicture>
#include <QTimer>
#include <QVariantAnimation>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace chronomap {

ActorMapChart::ActorMapChart(Story* story, Selection* selection, QObject* parent)
    : QObject(parent), m_story(story), m_selection(selection), m_plot(new QCustomPlot),
      m_job(new GraphJob(this)), m_layoutTimer(new QTimer(this)),
      m_animation(new QVariantAnimation(this))
{
    // Hidden axes and no margins: the axis rect is the whole plot, one data unit is the same
    // number of pixels both ways (keepAspect), and export draws the same plot.
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->axisRect()->setAutoMargins(QCP::msNone);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 0, 0));
    m_plot->setBackground(Qt::white);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    m_plot->setWindowTitle(tr("Actor map"));
    m_plot->installEventFilter(this);
    m_layer = new ActorMapLayer(m_plot->xAxis, m_plot->yAxis);
    m_plot->xAxis->setRange(-10, 10);
    keepAspect();

    connect(m_job, &GraphJob::progress, this, &ActorMapChart::workProgress);
    connect(m_job, &GraphJob::finished, this,
            [this](const std::shared_ptr<const MapAnalysis>& result) {
                m_layoutRunning = false;
                emit workStopped();
                applyAnalysis(*result, m_animated && m_plot->isVisible());
                emit stateChanged();
                emit layoutFinished();
                if (m_windowPending)
                    scheduleLayout(0); // the window moved meanwhile: its sizes, not a layout
            });
    connect(m_job, &GraphJob::loaded, this, [this](const std::shared_ptr<StoryGraph>& graph) {
        installGraph(std::move(*graph));
        emit graphLoaded();
        startLayout();
    });
    connect(m_job, &GraphJob::failed, this, [this](const QString& message, bool cancelled) {
        emit workStopped();
        m_layoutRunning = false;
        const bool wasLoading = m_loading;
        m_loading = false;
        if (!m_haveLayout || wasLoading)
            m_layer->scene().message =
                !cancelled ? message
                : wasLoading
                    ? tr("Loading cancelled. View \u203a Lay Out Map Again starts it again.")
                    : tr("Layout cancelled. View \u203a Lay Out Map Again starts it again.");
        emit stateChanged();
        replot();
    });

    m_layoutTimer->setSingleShot(true);
    connect(m_layoutTimer, &QTimer::timeout, this, &ActorMapChart::startLayout);

    m_animation->setDuration(300);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        const double t = v.toDouble();
        if (m_animFrom.size() != m_animTo.size())
            return;
        std::vector<QPointF> now(m_animTo.size());
        for (std::size_t i = 0; i < now.size(); ++i)
            now[i] = m_animFrom[i] + (m_animTo[i] - m_animFrom[i]) * t;
        setPositions(now);
        if (m_followView && !m_userMoved) {
            auto mix = [t](double a, double b) { return a + (b - a) * t; };
            setViewRanges({mix(m_viewFrom.x0, m_viewTo.x0), mix(m_viewFrom.x1, m_viewTo.x1),
                           mix(m_viewFrom.y0, m_viewTo.y0), mix(m_viewFrom.y1, m_viewTo.y1)});
        }
        replot();
    });

    updateFilter();
    readRememberedStyle();
    // The story is read on the worker: the window paints at once and the map follows.
    requestLoad();

    connect(story, &Story::changed, this, &ActorMapChart::onStoryChanged);
    connect(selection, &Selection::timeWindowChanged, this, [this] {
        // The map follows the window "as of": relations in it show, the others fade; no
        // actor moves. Sizes and communities of the window are worked out when it settles.
        updateWindowMask();
        restyle();
        replot();
        scheduleLayout(150);
    });
    connect(selection, &Selection::highlightChanged, this, [this] {
        restyle();
        replot();
    });
    connect(selection, &Selection::selectionChanged, this, [this] {
        restyle();
        replot();
    });
    // The filters hide the actors that fail them; the others keep their places.
    connect(selection, &Selection::filterChanged, this, [this] {
        updateFilter();
        updateActorsShown();
        emit stateChanged();
        restyle();
        replot();
    });
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { keepAspect(); });
}

ActorMapChart::~ActorMapChart()
{
    m_job->cancel();
    m_job->waitForIdle();
    // The window may have taken the plot in as its child; it goes with the chart.
    delete m_plot;
}

bool ActorMapChart::eventFilter(QObject* watched, QEvent* event)
{
    // Until the user zooms or pans, the map on screen follows the plot's size (the window's
    // splitter settles after the first layout arrives).
    if (watched == m_plot && event->type() == QEvent::Resize && m_plot->isVisible() &&
        m_haveLayout && !m_userMoved)
        QTimer::singleShot(0, this, &ActorMapChart::fitMapToShape);
    return QObject::eventFilter(watched, event);
}

int ActorMapChart::relationCount(int node) const
{
    return node >= 0 && std::size_t(node) < m_relationCount.size()
               ? m_relationCount[std::size_t(node)]
               : 0;
}

bool ActorMapChart::isRelationShown(int edge) const
{
    const auto& edges = m_layer->scene().edges;
    return edge >= 0 && std::size_t(edge) < edges.size() &&
           !(edges[std::size_t(edge)].flags & MapScene::EdgeHidden);
}

bool ActorMapChart::isActorShown(int node) const
{
    const auto& nodes = m_layer->scene().nodes;
    return node >= 0 && std::size_t(node) < nodes.size() &&
           !(nodes[std::size_t(node)].flags & MapScene::NodeHidden);
}

bool ActorMapChart::isWorking() const
{
    return m_job->isRunning();
}

void ActorMapChart::relayout()
{
    m_base.clear();
    m_freshLayout = true;
    scheduleLayout(0);
}

void ActorMapChart::cancelLayout()
{
    m_job->cancel();
}

void ActorMapChart::requestLoad()
{
    m_needLoad = true;
    if (!m_haveLayout)
        m_layer->scene().message = tr("Loading actors\u2026");
    scheduleLayout(0);
}

void ActorMapChart::installGraph(StoryGraph&& loaded)
{
    m_needLoad = m_loading = false;
    // Keep drawing what we had while the new layout runs, so the map does not blink.
    const bool hadLayout = m_haveLayout;
    const std::vector<QPointF> old = std::move(m_positions);
    const std::vector<QPointF> oldBase = std::move(m_base);
    const std::vector<Id> oldIds = std::move(m_graph.nodeIds);
    m_actors = std::move(loaded.actors);
    m_relations = std::move(loaded.relations);
    m_graph = std::move(loaded.graph);
    m_relationCount = std::move(loaded.relationCount);
    updateWindowMask();
    updateAttributeStyle();
    m_haveLayout = false;
    m_positions.clear();
    m_centrality = {};
    m_communities = {};
    auto& scene = m_layer->scene();
    scene.nodes.assign(std::size_t(m_graph.nodeCount()), MapScene::Node{});
    scene.edges.assign(std::size_t(m_graph.edgeCount()), MapScene::Edge{});
    scene.message = m_graph.nodeCount() == 0
                        ? tr("No actors in this story")
                        : tr("Laying out %n actors\u2026", nullptr, m_graph.nodeCount());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        scene.nodes[i].label = m_actors[qsizetype(i)].name;
        scene.nodes[i].kind = m_actors[qsizetype(i)].kind;
    }
    for (std::size_t e = 0; e < scene.edges.size(); ++e) {
        const Relation& r = m_relations[qsizetype(e)];
        MapScene::Edge& edge = scene.edges[e];
        edge.from = m_graph.edges[e].from;
        edge.to = m_graph.edges[e].to;
        edge.directed = r.directed;
        edge.status = r.status;
        edge.type = r.type;
        edge.width =
            float(std::clamp(0.8 + 0.7 * std::log2(std::max(1.0, r.weight)) + 0.4, 1.0, 5.0));
    }
    if (m_egoCentre && !m_graph.indexOf.contains(m_egoCentre))
        m_egoSteps = 0;
    if (hadLayout) {
        std::vector<QPointF> keep(std::size_t(m_graph.nodeCount()));
        for (std::size_t i = 0; i < oldIds.size() && i < old.size(); ++i) {
            const int j = m_graph.indexOf.value(oldIds[i], -1);
            if (j >= 0)
                keep[std::size_t(j)] = old[i];
        }
        setPositions(keep);
        scene.message.clear();
    }
    // The story's layout stays: every actor keeps its place, and one new since is placed
    // next to its neighbours (analyseMap, on the worker). Only when most of the map is new
    // (another story's worth of actors arrived) is it laid out afresh.
    if (oldBase.size() == oldIds.size() && !oldBase.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::vector<QPointF> base(std::size_t(m_graph.nodeCount()), QPointF(nan, nan));
        int kept = 0;
        for (std::size_t i = 0; i < oldIds.size(); ++i) {
            const int j = m_graph.indexOf.value(oldIds[i], -1);
            if (j >= 0) {
                base[std::size_t(j)] = oldBase[i];
                ++kept;
            }
        }
        if (2 * kept >= m_graph.nodeCount())
            m_base = std::move(base);
    }
    restyle();
    emit stateChanged();
    replot();
}

void ActorMapChart::updateActorsShown()
{
    // The one filter predicate, as of the window the timeline shows.
    const bool window = m_selection->hasWindow();
    const qint64 from = window ? m_selection->windowFrom() : 0;
    const qint64 to = window ? m_selection->windowTo() : 0;
    m_shown.assign(std::size_t(m_actors.size()), 1);
    for (qsizetype i = 0; i < m_actors.size(); ++i)
        m_shown[std::size_t(i)] = m_filter.passesAsOf(m_actors[i], from, to) ? 1 : 0;
}

void ActorMapChart::updateWindowMask()
{
    m_mask = m_selection->hasWindow()
                 ? m_graph.edgesValidIn(m_selection->windowFrom(), m_selection->windowTo())
                 : std::vector<char>(std::size_t(m_graph.edgeCount()), 1);
    // Actors "as of" the window: one whose validity (a GEXF node's spells) lies outside it
    // is hidden, and so are its relations, in the picture and in the window's analysis.
    updateActorsShown();
    if (m_selection->hasWindow() && m_mask.size() == m_graph.edges.size()) {
        const qint64 from = m_selection->windowFrom(), to = m_selection->windowTo();
        std::vector<char> exists(std::size_t(m_graph.nodeCount()), 1);
        for (qsizetype i = 0; i < m_actors.size() && std::size_t(i) < exists.size(); ++i)
            exists[std::size_t(i)] = holdsIn(actorValidity(m_actors[i]), from, to) ? 1 : 0;
        for (std::size_t e = 0; e < m_mask.size(); ++e)
            if (!exists[std::size_t(m_graph.edges[e].from)] ||
                !exists[std::size_t(m_graph.edges[e].to)])
                m_mask[e] = 0;
    }
    // Parallel relations between one pair fan out so each stays visible with its label. Only
    // the window changes this, so it is worked out here, not on every restyle.
    m_bends.assign(m_mask.size(), 0.0f);
    std::vector<std::pair<quint64, int>> byPair;
    for (std::size_t e = 0; e < m_mask.size(); ++e)
        if (m_mask[e]) {
            const ActorGraph::Edge& edge = m_graph.edges[e];
            byPair.emplace_back((quint64(quint32(std::min(edge.from, edge.to))) << 32) |
                                    quint32(std::max(edge.from, edge.to)),
                                int(e));
        }
    std::sort(byPair.begin(), byPair.end()); // by pair, then by relation order
    for (std::size_t k = 0; k < byPair.size();) {
        std::size_t end = k + 1;
        while (end < byPair.size() && byPair[end].first == byPair[k].first)
            ++end;
        const std::size_t count = end - k;
        for (std::size_t j = k; count > 1 && j < end; ++j) {
            const ActorGraph::Edge& edge = m_graph.edges[std::size_t(byPair[j].second)];
            // The bend is measured from the lower index towards the higher one.
            const double side = edge.from < edge.to ? 1.0 : -1.0;
            m_bends[std::size_t(byPair[j].second)] =
                float(side * (double(j - k) - double(count - 1) / 2.0) * 22.0);
        }
        k = end;
    }
}

void ActorMapChart::scheduleLayout(int delayMs)
{
    m_layoutTimer->start(delayMs);
}

bool ActorMapChart::isLayingOut() const
{
    return m_layoutTimer->isActive() || m_job->isRunning();
}

void ActorMapChart::startLayout()
{
    m_layoutTimer->stop();
    if (m_needLoad) {
        m_needLoad = false;
        m_loading = true;
        m_job->startLoad(m_story->path());
        emit workStarted(tr("Loading actors\u2026"));
        emit stateChanged();
        replot();
        return;
    }
    if (m_loading)
        return; // the layout starts when the graph arrives
    if (m_graph.nodeCount() == 0) {
        replot();
        return;
    }
    if (m_job->isRunning() && m_layoutRunning) {
        // The story's layout is being made: a new window must not start it over (on a
        // large story it would never finish while the user zooms). Its analysis follows.
        m_windowPending = true;
        return;
    }
    m_windowPending = false;
    m_layoutRunning = m_base.size() != std::size_t(m_graph.nodeCount());
    m_job->start(m_graph, m_mask, m_base, std::exchange(m_freshLayout, false));
    emit workStarted(tr("Laying out %n actors\u2026", nullptr, m_graph.nodeCount()));
    emit stateChanged();
}

void ActorMapChart::layoutNow()
{
    m_layoutTimer->stop();
    m_job->cancel();
    m_job->waitForIdle();
    if (m_needLoad || m_loading)
        installGraph(loadStoryGraph(m_story->store()));
    if (m_graph.nodeCount() == 0) {
        replot();
        return;
    }
    m_layoutRunning = false;
    m_windowPending = false;
    applyAnalysis(analyseMap(m_graph, m_mask, m_base, nullptr, std::exchange(m_freshLayout, false)),
                  false);
}

void ActorMapChart::applyAnalysis(const MapAnalysis& a, bool animate)
{
    m_layoutRuns += a.layoutsRun;
    if (a.positions.size() != std::size_t(m_graph.nodeCount()))
        return; // the story changed while this was computed; a newer layout is on its way
    m_base = a.base;
    m_centrality = a.centrality;
    m_communities = a.communities;
    m_layer->scene().message.clear();
    std::vector<QPointF> target = a.positions;
    for (std::size_t i = 0; i < target.size(); ++i)
        if (m_graph.pinned[i])
            target[i] = *m_graph.pinned[i];
    packToShape(target);
    m_animation->stop();
    const bool wasLaidOut = m_haveLayout;
    m_haveLayout = true;
    restyle();
    // Until the user zooms or pans, the view follows the map: it glides to the new layout's
    // bounds with the actors, so none ends up outside.
    const QRectF targetBounds = boundsOf(target);
    m_followView = wasLaidOut && m_fitted && !m_userMoved && !targetBounds.isNull();
    if (animate && wasLaidOut && m_positions.size() == target.size()) {
        m_animFrom = m_positions;
        m_animTo = target;
        if (m_followView) {
            m_viewFrom = viewRanges();
            m_viewTo = fittedRanges(targetBounds);
        }
        m_animation->start();
    } else {
        setPositions(target);
        if (m_followView)
            fitMap();
    }
    if (!m_fitted) {
        m_positions = target;
        fitMap();
        m_fitted = true;
    }
    replot();
}

void ActorMapChart::packToShape(std::vector<QPointF>& positions) const
{
    // Actors apart from the rest (in separate groups, or with no relation in the window) are
    // stacked beside it to suit this map's shape, so the connected part is drawn as large as
    // the map allows.
    if (positions.size() != std::size_t(m_graph.nodeCount()))
        return;
    const QSizeF room = fitRoom();
    // Over every relation of the story, not the window's: the picture stays as the window
    // moves.
    packComponents(positions, m_graph, std::vector<char>(std::size_t(m_graph.edgeCount()), 1),
                   room.width() / room.height());
}

void ActorMapChart::setPositions(const std::vector<QPointF>& positions)
{
    m_positions = positions;
    auto& nodes = m_layer->scene().nodes;
    for (std::size_t i = 0; i < nodes.size() && i < positions.size(); ++i)
        nodes[i].pos = positions[i];
    ++m_layer->scene().revision;
}

void ActorMapChart::restyle()
{
    auto& scene = m_layer->scene();
    const std::size_t n = scene.nodes.size();
    if (n != std::size_t(m_graph.nodeCount()))
        return;
    // The size: a centrality (0 up to the largest), or an attribute's numbers (smallest to
    // largest; an actor without one drawn smallest).
    const std::vector<double>* metric = nullptr;
    double bottom = 0, top = 0;
    if (m_sizeValues.size() == n) {
        metric = &m_sizeValues;
        bool any = false;
        for (double v : m_sizeValues)
            if (!std::isnan(v)) {
                bottom = any ? std::min(bottom, v) : v;
                top = any ? std::max(top, v) : v;
                any = true;
            }
        if (top <= bottom) // every value alike: all drawn middling
            bottom = top - 1;
    } else if (m_centrality.degree.size() == n) {
        metric = m_sizeKey == QLatin1String("betweenness") ? &m_centrality.betweenness
                 : m_sizeKey == QLatin1String("pagerank")  ? &m_centrality.pageRank
                                                           : &m_centrality.degree;
        for (double v : *metric)
            top = std::max(top, v);
    }
    const double rMin = n <= 200 ? 7 : n <= 2000 ? 3.5 : 1.5;
    const double rMax = n <= 200 ? 22 : n <= 2000 ? 14 : 9;

    std::vector<char> inWindow(n, 0);
    for (std::size_t e = 0; e < m_mask.size(); ++e)
        if (m_mask[e])
            inWindow[std::size_t(m_graph.edges[e].from)] =
                inWindow[std::size_t(m_graph.edges[e].to)] = 1;
    const int egoNode = m_egoSteps > 0 ? m_graph.indexOf.value(m_egoCentre, -1) : -1;
    const std::vector<char> ego =
        egoNode >= 0 ? m_graph.neighbourhood(egoNode, m_egoSteps, m_mask) : std::vector<char>();
    const QSet<Id>& lit = m_selection->highlightedActors();
    const QSet<Id>& selected = m_selection->selectedActors();
    std::vector<char> litNode(n, 0), near(n, 0);
    for (Id id : lit) {
        const int i = m_graph.indexOf.value(id, -1);
        if (i >= 0)
            litNode[std::size_t(i)] = near[std::size_t(i)] = 1;
    }
    const bool anyLit = std::any_of(litNode.begin(), litNode.end(), [](char c) { return c; });
    for (std::size_t e = 0; e < m_mask.size(); ++e)
        if (m_mask[e] && (litNode[std::size_t(m_graph.edges[e].from)] ||
                          litNode[std::size_t(m_graph.edges[e].to)]))
            near[std::size_t(m_graph.edges[e].from)] = near[std::size_t(m_graph.edges[e].to)] = 1;

    for (std::size_t i = 0; i < n; ++i) {
        MapScene::Node& node = scene.nodes[i];
        const Actor& actor = m_actors[qsizetype(i)];
        const double raw = metric ? (*metric)[i] : 0;
        const double v = metric && top > bottom && !std::isnan(raw)
                             ? std::clamp((raw - bottom) / (top - bottom), 0.0, 1.0)
                             : 0;
        node.size = node.radius = float(rMin + (rMax - rMin) * std::sqrt(std::max(0.0, v)));
        node.rank = float(v + (m_relationCount[i] > 0 ? 1e-6 * m_relationCount[i] : 0));
        node.fill = m_colours.size() == n                                  ? m_colours[i]
                    : actor.color.isValid() && !m_layer->theme().greyscale ? actor.color
                    : colourByCommunity() && m_communities.membership.size() == n
                        ? m_layer->theme().communityColor(m_communities.membership[i])
                        : m_layer->theme().categoryColor(int(actor.kind));
        quint8 flags = 0;
        if ((!ego.empty() && !ego[i]) || (i < m_shown.size() && !m_shown[i]))
            flags |= MapScene::NodeHidden;
        if (!inWindow[i])
            flags |= MapScene::NodeFaded;
        if (anyLit && litNode[i])
            flags |= MapScene::NodeEmphasised;
        else if (anyLit && !near[i])
            flags |= MapScene::NodeDimmed;
        if (selected.contains(actor.id))
            flags |= MapScene::NodeSelected;
        if (m_graph.pinned[i])
            flags |= MapScene::NodePinned;
        if (int(i) == m_hoverNode)
            flags |= MapScene::NodeHovered;
        node.flags = flags;
    }
    for (std::size_t e = 0; e < scene.edges.size(); ++e) {
        MapScene::Edge& edge = scene.edges[e];
        quint8 flags = 0;
        const bool hiddenEnd =
            (scene.nodes[std::size_t(edge.from)].flags | scene.nodes[std::size_t(edge.to)].flags) &
            MapScene::NodeHidden;
        if (!m_mask[e] || hiddenEnd)
            flags |= MapScene::EdgeHidden;
        if (anyLit) {
            if (litNode[std::size_t(edge.from)] || litNode[std::size_t(edge.to)])
                flags |= MapScene::EdgeEmphasised;
            else
                flags |= MapScene::EdgeDimmed;
        }
        if (int(e) == m_hoverEdge)
            flags |= MapScene::EdgeHovered;
        edge.flags = flags;
        edge.bend = e < m_bends.size() ? m_bends[e] : 0.0f;
    }
    scene.colourByCommunity = colourByCommunity();
    scene.colourTitle.clear();
    scene.colourKey.clear();
    if (m_colours.size() == n) {
        scene.colourTitle = m_colourKey.mid(attributeKey({}).size());
        scene.colourKey = m_colourKeyEntries;
    }
    ++scene.revision;
}

void ActorMapChart::setSizeBy(SizeBy by)
{
    setSizeKey(by == SizeBy::Betweenness ? QStringLiteral("betweenness")
               : by == SizeBy::PageRank  ? QStringLiteral("pagerank")
                                         : QStringLiteral("degree"));
}

void ActorMapChart::setColourByCommunity(bool community)
{
    setColourKey(community ? QStringLiteral("community") : QStringLiteral("kind"));
}

void ActorMapChart::setEgoSteps(int steps, Id centre)
{
    m_egoSteps = centre ? steps : 0;
    m_egoCentre = centre;
    restyle();
    fitMap();
    emit stateChanged();
}

void ActorMapChart::keepAspect()
{
    // One data unit is as many pixels across as down, whatever the widget's shape.
    m_plot->yAxis->setScaleRatio(m_plot->xAxis, 1.0);
}

QMarginsF ActorMapChart::fitMargins() const
{
    // Room around the nodes for their radius and labels, and on the left for the legend.
    const double w = std::max(1, m_plot->width()), h = std::max(1, m_plot->height());
    const double top = std::min(40.0, h * 0.08);
    return QMarginsF(std::min(180.0, w * 0.2), top, std::min(110.0, w * 0.1), top);
}

QSizeF ActorMapChart::fitRoom() const
{
    const QMarginsF m = fitMargins();
    return QSizeF(std::max(40.0, std::max(1, m_plot->width()) - m.left() - m.right()),
                  std::max(40.0, std::max(1, m_plot->height()) - m.top() - m.bottom()));
}

ActorMapChart::ViewRanges ActorMapChart::viewRanges() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper,
            m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

void ActorMapChart::setViewRanges(const ViewRanges& r)
{
    m_plot->xAxis->setRange(r.x0, r.x1);
    m_plot->yAxis->setRange(r.y0, r.y1);
}

ActorMapChart::ViewRanges ActorMapChart::fittedRanges(const QRectF& b) const
{
    const double w = std::max(1, m_plot->width()), h = std::max(1, m_plot->height());
    const QMarginsF m = fitMargins();
    const QSizeF room = fitRoom();
    const double scale = std::max({b.width() / room.width(), b.height() / room.height(), 1e-6});
    const double cx = b.center().x() - (m.left() - m.right()) / 2 * scale;
    const double cy = b.center().y() + (m.top() - m.bottom()) / 2 * scale;
    return {cx - w / 2 * scale, cx + w / 2 * scale, cy - h / 2 * scale, cy + h / 2 * scale};
}

QRectF ActorMapChart::boundsOf(const std::vector<QPointF>& positions) const
{
    // As the layer's bounds(), for positions not shown yet: the actors the view shows.
    QRectF b;
    const auto& nodes = m_layer->scene().nodes;
    for (std::size_t i = 0; i < positions.size() && i < nodes.size(); ++i)
        if (!(nodes[i].flags & MapScene::NodeHidden))
            b |= QRectF(positions[i], QSizeF(1e-6, 1e-6));
    return b;
}

void ActorMapChart::fitMap()
{
    const QRectF b = m_layer->bounds();
    if (b.isNull()) {
        replot();
        return;
    }
    m_userMoved = false;
    setViewRanges(fittedRanges(b));
    replot();
}

void ActorMapChart::fitMapToShape()
{
    if (m_animation->state() != QAbstractAnimation::Running) {
        std::vector<QPointF> positions = m_positions;
        packToShape(positions);
        setPositions(positions);
    }
    fitMap();
}

void ActorMapChart::replot()
{
    keepAspect();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActorMapChart::updateFilter()
{
    m_filter = EventFilter(m_story->store(), m_story->timeIndex(), m_selection->filter());
}

void ActorMapChart::onStoryChanged(const Change& change)
{
    if (!m_filter.isEmpty()) {
        updateFilter();
        updateActorsShown();
    }
    if (m_needLoad || m_loading) {
        requestLoad(); // what is being read may be older than this change: read again
        return;
    }
    if (change.action == Change::Action::Updated && change.kind == EntityKind::Actor) {
        // Names, kinds and pins: the layout does not depend on them, so no new layout; a
        // pin moves its actor at once.
        for (Id id : change.ids) {
            const int i = m_graph.indexOf.value(id, -1);
            const auto actor = m_story->store().actor(id);
            if (i < 0 || !actor)
                continue;
            m_actors[i] = *actor;
            m_layer->scene().nodes[std::size_t(i)].label = actor->name;
            m_layer->scene().nodes[std::size_t(i)].kind = actor->kind;
            if (actor->pinnedX && actor->pinnedY) {
                m_graph.pinned[std::size_t(i)] = QPointF(*actor->pinnedX, *actor->pinnedY);
                if (std::size_t(i) < m_positions.size()) {
                    m_positions[std::size_t(i)] = *m_graph.pinned[std::size_t(i)];
                    m_layer->scene().nodes[std::size_t(i)].pos = m_positions[std::size_t(i)];
                }
            } else {
                m_graph.pinned[std::size_t(i)].reset();
            }
            m_graph.given[std::size_t(i)] = filePosition(*actor);
        }
        updateAttributeStyle(); // an edited attribute may change a size or a colour
        updateWindowMask();     // or its validity
        restyle();
        emit stateChanged();
        replot();
        return;
    }
    if (change.action == Change::Action::Reset)
        readRememberedStyle();
    if (change.kind == EntityKind::Actor || change.kind == EntityKind::Relation ||
        change.action == Change::Action::Reset)
        requestLoad(); // read again on the worker; the map keeps what it shows until then
}

void ActorMapChart::paint(QCPPainter& painter, QSize size)
{
    // Off screen the plot takes the size asked for and the map is fitted to it (a portrait
    // page stacks lone actors below, not beside); on screen it keeps the window's view.
    if (!m_plot->isVisible()) {
        setSize(size);
        if (!m_userMoved)
            fitMapToShape();
    }
    // No hover marks in a drawn chart.
    const int node = m_hoverNode, edge = m_hoverEdge;
    markHover(-1, -1);
    keepAspect();
    m_plot->toPainter(&painter, size.width(), size.height());
    markHover(node, edge);
}

void ActorMapChart::setSize(QSize size)
{
    if (m_plot->size() != size)
        m_plot->resize(size);
    if (!m_plot->isVisible())
        m_plot->setViewport(m_plot->rect());
}

void ActorMapChart::paint(QPainter& painter, QSize size)
{
    // Recorded by a QCustomPlot painter, then played onto any painter (vector stays vector).
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        paint(recorder, size);
    }
    painter.drawPicture(0, 0, picture);
}

void ActorMapChart::setLegendVisible(bool visible)
{
    m_layer->setLegendVisible(visible);
    replot();
}

int ActorMapChart::nodeAt(const QPointF& pixel) const
{
    return m_layer->nodeAt(pixel);
}

int ActorMapChart::edgeAt(const QPointF& pixel) const
{
    return m_layer->edgeAt(pixel);
}

Id ActorMapChart::actorOfNode(int node) const
{
    return node >= 0 && node < m_graph.nodeCount() ? m_graph.nodeIds[std::size_t(node)] : 0;
}

int ActorMapChart::nodeOf(Id actor) const
{
    return m_graph.indexOf.value(actor, -1);
}

std::optional<QPointF> ActorMapChart::positionOf(Id actor) const
{
    const int i = nodeOf(actor);
    if (i < 0 || std::size_t(i) >= m_positions.size())
        return std::nullopt;
    return m_positions[std::size_t(i)];
}

std::optional<QPointF> ActorMapChart::pixelOf(Id actor) const
{
    const int i = nodeOf(actor);
    if (i < 0 || !m_haveLayout ||
        (m_layer->scene().nodes[std::size_t(i)].flags & MapScene::NodeHidden))
        return std::nullopt;
    return m_layer->pixelOf(m_layer->scene().nodes[std::size_t(i)].pos);
}

QPointF ActorMapChart::coordsAt(const QPointF& pixel) const
{
    return QPointF(m_plot->xAxis->pixelToCoord(pixel.x()), m_plot->yAxis->pixelToCoord(pixel.y()));
}

void ActorMapChart::moveNode(int node, const QPointF& coords)
{
    if (node < 0 || std::size_t(node) >= m_positions.size())
        return;
    m_positions[std::size_t(node)] = coords;
    m_layer->scene().nodes[std::size_t(node)].pos = coords;
    ++m_layer->scene().revision;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActorMapChart::restorePin(Id actor)
{
    const int i = nodeOf(actor);
    if (i >= 0 && m_graph.pinned[std::size_t(i)] && std::size_t(i) < m_positions.size())
        moveNode(i, *m_graph.pinned[std::size_t(i)]);
}

void ActorMapChart::setHover(int node, int edge)
{
    markHover(node, edge);
    replot();
}

void ActorMapChart::markHover(int node, int edge)
{
    // Only the two flags: a full restyle would cost a pass over every actor and relation, and
    // the large map draws hover over its cached body.
    auto& scene = m_layer->scene();
    if (m_hoverNode >= 0 && std::size_t(m_hoverNode) < scene.nodes.size())
        scene.nodes[std::size_t(m_hoverNode)].flags &= quint8(~MapScene::NodeHovered);
    if (m_hoverEdge >= 0 && std::size_t(m_hoverEdge) < scene.edges.size())
        scene.edges[std::size_t(m_hoverEdge)].flags &= quint8(~MapScene::EdgeHovered);
    m_hoverNode = node;
    m_hoverEdge = edge;
    scene.hoveredEdge = edge;
    if (node >= 0 && std::size_t(node) < scene.nodes.size())
        scene.nodes[std::size_t(node)].flags |= MapScene::NodeHovered;
    if (edge >= 0 && std::size_t(edge) < scene.edges.size())
        scene.edges[std::size_t(edge)].flags |= MapScene::EdgeHovered;
}

void ActorMapChart::zoomAt(double factor, const QPointF& at)
{
    m_userMoved = true;
    // Both axes by the same factor around the point: the aspect stays locked.
    m_plot->xAxis->scaleRange(factor, m_plot->xAxis->pixelToCoord(at.x()));
    m_plot->yAxis->scaleRange(factor, m_plot->yAxis->pixelToCoord(at.y()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActorMapChart::panBy(const QPoint& d)
{
    m_userMoved = true;
    auto shift = [](QCPAxis* axis, int pixels) {
        const double delta = axis->pixelToCoord(0) - axis->pixelToCoord(pixels);
        axis->moveRange(delta);
    };
    shift(m_plot->xAxis, d.x());
    shift(m_plot->yAxis, d.y());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace chronomap
