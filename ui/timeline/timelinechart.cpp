#include "timelinechart.h"

#include "calendarticker.h"
#include "eventsplottable.h"
#include "query/selection.h"
#include "story/story.h"
#include "timelinedecor.h"
#include "timelinestate.h"

#include <QDateTime>
#include <QPicture>

#include <qcustomplot.h>

#include <cmath>
#include <numeric>

namespace chronomap {

namespace {

constexpr qint64 kMinSpan = 10 * 60; // ten minutes
constexpr qint64 kDay = 86400;
constexpr double kMinLaneHeight = 26;
constexpr double kMinCompactLaneHeight = 20; // with sub-rows packed tight
// The overview strip with its axis, and the key, before they were first laid out.
constexpr int kOverviewAndKey = 58 + 30 + 24;
// Everything the plot draws around the lanes: x axis, overview strip, legend, margins.
constexpr int kChrome = 150;
// Below this height (plot pixels) the window's chart draws no overview strip and no key.
constexpr int kMinFullHeight = 240;
constexpr int kRowSpacing = 5; // between the plot, the overview strip and the key (QCustomPlot's)

} // namespace

TimelineChart::TimelineChart(Story* story, Selection* selection, QObject* parent)
    : TimelineChart(story, selection, Setup{}, parent)
{}

TimelineChart::TimelineChart(Story* story, Selection* selection, const Setup& setup,
                             QObject* parent)
    : QObject(parent), m_story(story), m_selection(selection), m_plot(new QCustomPlot),
      m_state(std::make_unique<TimelineState>())
{
    m_state->story = story;
    m_state->selection = selection;
    m_state->labelFont = m_plot->font();
    m_state->labelFont.setPixelSize(12);
    m_mode = setup.mode;
    m_collapseEmptyLanes = setup.collapseEmptyLanes;

    buildPlot();
    m_plot->installEventFilter(this);
    // The story, then the window; the lanes once both are known.
    m_holdLayout = true;
    reloadStory();
    if (setup.window)
        setWindow(setup.window->first, setup.window->second);
    else
        fitStory();
    m_holdLayout = false;
    rebuildLayout();

    connect(story, &Story::changed, this, [this] {
        reloadStory();
        replot();
    });
    connect(selection, &Selection::timeWindowChanged, this, [this](qint64 from, qint64 to) {
        if (!m_settingWindow && to > from && (from != windowFrom() || to != windowTo()))
            setWindow(from, to);
    });
    connect(selection, &Selection::selectionChanged, this, [this] { replotHover(); });
    connect(selection, &Selection::highlightChanged, this, [this] {
        m_state->highlight = m_selection->highlightedEvents();
        replot();
    });
    connect(selection, &Selection::filterChanged, this, [this] {
        rebuildLayout();
        replot();
    });
}

TimelineChart::~TimelineChart()
{
    // The window may have taken the plot in as its child; it goes with the chart.
    delete m_plot;
}

void TimelineChart::buildPlot()
{
    m_plot->setInteractions({});

    QCPAxisRect* main = m_plot->axisRect();
    m_plot->xAxis->setTicker(QSharedPointer<CalendarTicker>::create());
    m_plot->xAxis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1));
    m_plot->xAxis->setTickLabelFont(m_state->labelFont);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setTickLength(0, 0);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTickLabelFont(m_state->labelFont);
    m_plot->yAxis->setBasePen(QPen(QColor(0, 0, 0, 60)));

    // The overview strip: the whole story, under the chart, aligned with it.
    m_overviewRect = new QCPAxisRect(m_plot, true);
    m_overviewRect->setMinimumSize(0, 58);
    m_overviewRect->setMaximumSize(QWIDGETSIZE_MAX, 58);
    m_plot->plotLayout()->addElement(1, 0, m_overviewRect);
    auto* margins = new QCPMarginGroup(m_plot);
    main->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_overviewRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis* ovx = m_overviewRect->axis(QCPAxis::atBottom);
    QCPAxis* ovy = m_overviewRect->axis(QCPAxis::atLeft);
    auto ovTicker = QSharedPointer<CalendarTicker>::create();
    ovTicker->setTargetTicks(6);
    ovx->setTicker(ovTicker);
    QFont small = m_state->labelFont;
    small.setPixelSize(10);
    ovx->setTickLabelFont(small);
    ovx->grid()->setVisible(false);
    ovy->setTicks(false);
    ovy->setTickLabels(false);
    ovy->grid()->setVisible(false);
    ovy->setRange(0, 1);
    m_plot->plotLayout()->addElement(2, 0, new TimelineLegend(m_state.get(), m_plot));

    // Hover and selection marks get a buffer of their own above everything else.
    m_plot->addLayer(QStringLiteral("hover"), m_plot->layer(QStringLiteral("overlay")),
                     QCustomPlot::limAbove);
    m_hoverLayer = m_plot->layer(QStringLiteral("hover"));
    m_hoverLayer->setMode(QCPLayer::lmBuffered);

    m_events = new EventsPlottable(m_state.get(), m_plot->xAxis, m_plot->yAxis);
    m_overview = new OverviewPlottable(m_state.get(), ovx, ovy, m_plot->xAxis);
    m_overlay = new TimelineOverlay(m_state.get(), m_plot, QStringLiteral("hover"));

    connect(m_plot, &QCustomPlot::afterLayout, this, &TimelineChart::onAfterLayout);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &TimelineChart::onRangeChanged);
}

void TimelineChart::reloadStory()
{
    Store& store = m_story->store();
    m_state->categoryColors.clear();
    const QList<Category> categories = store.categories();
    for (qsizetype i = 0; i < categories.size(); ++i)
        m_state->categoryColors.insert(categories[i].id, m_state->theme.categoryColor(int(i)));
    m_state->eras = store.eras();
    m_state->titles.clear();
    m_state->placed.clear();
    // Ticks no finer than the story's dates: no hours for a story dated to the day.
    const DatePrecision finest = CalendarTicker::finestOf(m_story->timeIndex());
    for (QCPAxis* axis : {m_plot->xAxis, m_overviewRect->axis(QCPAxis::atBottom)})
        if (auto ticker = axis->ticker().dynamicCast<CalendarTicker>())
            ticker->setFinest(finest);
    rebuildLayout();
}

void TimelineChart::rebuildLayout()
{
    if (m_holdLayout)
        return; // built once the chart is set up
    LaneLayout& layout = m_state->layout;
    if (layout.laneCount())
        m_laneOrder[int(layout.mode())] = layout.orderKeys();
    const TimeIndex& index = m_story->timeIndex();
    Store& store = m_story->store();
    LaneLayout::Input in;
    in.index = &index;
    in.mode = m_mode;
    if (m_mode == LaneMode::Category) {
        in.categories = store.categories();
    } else if (m_mode == LaneMode::Actor) {
        // Every (event, actor) pair, in one scan of the participations.
        for (const Actor& a : store.actors())
            in.actors << std::pair<Id, QString>{a.id, a.name};
        in.participations = store.participations();
    }
    // The one filter every surface obeys, read anew with the story (an edit may move an event
    // in or out of it).
    m_filter = EventFilter(store, index, m_selection->filter());
    if (!m_filter.isEmpty())
        in.include = [this, &index](std::size_t r) { return m_filter.passesRow(index, r); };
    if (m_collapseEmptyLanes && m_plot->xAxis->range().size() > 0) {
        // A published chart: lanes with nothing in its window are left out.
        const qint64 from = windowFrom(), to = windowTo();
        m_builtFrom = from;
        m_builtTo = to;
        const auto earliest = index.earliest(), latest = index.latest();
        in.include = [base = std::move(in.include), from, to, earliest, latest](std::size_t r) {
            return latest[r] >= from && earliest[r] <= to && (!base || base(r));
        };
    }
    layout.build(in);
    layout.applyOrder(m_laneOrder[int(m_mode)]);
    ++m_state->generation;
    m_state->placed.clear();
    m_state->hoverId = 0;
    updateLaneAxis(true);
}

int TimelineChart::lanesVisible() const
{
    // The axis, overview and legend as last laid out (an estimate before the first frame).
    const int laidOut = m_plot->axisRect()->height();
    const int chrome =
        laidOut > 0 && laidOut < m_plot->height() ? m_plot->height() - laidOut : kChrome;
    const double height = std::max(40, m_plot->height() - chrome);
    return std::max(1, int(height / kMinLaneHeight));
}

std::vector<double> TimelineChart::weightedLaneEdges()
{
    // Only when the window is drawn in detail: how many sub-rows each lane needs (placed
    // exactly as the frame will place them, every label with its room). When every lane
    // fits, the height is shared out in whole sub-rows: an opened lane ("+N more" clicked)
    // first, then always to the lane that hides the most. In lane units (the value axis keeps
    // its range; only the bands move), from the plot's height as just laid out.
    // A chart whose lanes may scroll (the window's) squeezes them too, unless a lane the user
    // opened needs more than the height: then each lane gets the sub-rows it needs (at most a
    // plot's height, unless opened) and the lanes scroll.
    TimelineState& s = *m_state;
    const LaneLayout& layout = s.layout;
    const int lanes = int(layout.laneCount());
    const QRectF area(m_plot->axisRect()->rect());
    const double height = area.height();
    m_wantedLanesHeight = std::max(1, lanes) * kMinLaneHeight;
    m_neededLanesHeight = 0;
    m_scrollingEdges = false;
    s.compactRows = false;
    if (lanes == 0 || height <= 0)
        return {};
    const QCPRange range = m_plot->xAxis->range();
    const qint64 from = qint64(std::floor(range.lower)), to = qint64(std::ceil(range.upper));
    qint64 visible = 0;
    for (int p = 0; p < lanes; ++p)
        visible += LaneLayout::countOverlapping(layout.laneAt(std::size_t(p)), from, to);
    if (visible > s.detailLimit || visible == 0)
        return {};
    int budget = s.titleBudget;
    std::vector<int> need(static_cast<std::size_t>(lanes)), given(need.size(), 1);
    // The lane at the top keeps room for the "Today" label.
    s.todayLane = std::clamp(s.laneAtCoord(m_plot->yAxis->range().lower), 0, lanes - 1);
    TimelineState::FirstPass& pass = s.firstPass;
    pass.generation = s.generation;
    pass.todayLane = s.todayLane;
    pass.lower = range.lower;
    pass.upper = range.upper;
    pass.plot = area;
    pass.lanes.clear();
    pass.lanes.reserve(need.size());
    // Sub-rows at their full height where every lane fits so (and what the chart asks for);
    // else packed tighter: placing events is a matter of x only, so the same sub-rows serve.
    auto laneHeight = [](double rowHeight, int rows, bool compact) {
        return std::max(compact ? kMinCompactLaneHeight : kMinLaneHeight,
                        rows * rowHeight + (compact ? 4 : 6));
    };
    // Titles on one line first. Wrapping some (other placements, see placeLane()) stacks a
    // lane in fewer sub-rows, never in half as many: lanes that would not fit in the height
    // even then are sized by the first placement alone (the frame places them again in the
    // sub-rows they get, every way).
    for (int p = 0; p < lanes; ++p)
        pass.lanes.push_back(s.placeLane(p, 0, area, range.lower, range.upper, true, area.width(),
                                         true, false, budget));
    const double fullRow = s.rowHeight(false), packedRow = s.rowHeight(true);
    {
        double leastHeight = 0;
        for (const TimelineState::LaneSlots& lane : pass.lanes)
            leastHeight += laneHeight(packedRow, (std::max(1, lane.rowsUsed) + 1) / 2, true);
        if (leastHeight <= height)
            for (int p = 0; p < lanes; ++p)
                pass.lanes[std::size_t(p)] =
                    s.placeLane(p, 0, area, range.lower, range.upper, true,
                                std::move(pass.lanes[std::size_t(p)]), budget);
    }
    for (int p = 0; p < lanes; ++p)
        need[std::size_t(p)] = std::max(1, pass.lanes[std::size_t(p)].rowsUsed);
    m_wantedLanesHeight = 0;
    for (int p = 0; p < lanes; ++p)
        m_wantedLanesHeight += laneHeight(fullRow, need[std::size_t(p)], false);
    for (int p = 0; p < lanes; ++p)
        m_neededLanesHeight += laneHeight(packedRow, need[std::size_t(p)], true);
    s.compactRows = m_wantedLanesHeight > height;
    const double rowHeight = s.rowHeight();
    const bool compactRows = s.compactRows;
    auto heightOf = [&](int rows) { return laneHeight(rowHeight, rows, compactRows); };
    double neededHeight = 0;
    for (int p = 0; p < lanes; ++p)
        neededHeight += heightOf(need[std::size_t(p)]);
    // The window's lanes share the height too, hiding what a lane truly has no room for
    // behind "+N more", so no lane goes below the fold; they scroll only when a lane the user
    // opened needs more than the height (or there are more lanes than fit at all).
    double openedHeight = 0;
    for (int p = 0; p < lanes; ++p)
        openedHeight += s.expandedLanes.contains(layout.laneAt(std::size_t(p)).key)
                            ? heightOf(need[std::size_t(p)])
                            : heightOf(1);
    const bool fits = lanes <= lanesVisible() && height >= lanes * kMinLaneHeight;
    if (fits && (!m_scrollLanes || neededHeight <= height || openedHeight <= height)) {
        double used = 0;
        for (int p = 0; p < lanes; ++p)
            used += heightOf(1);
        auto grow = [&](int p) {
            const double more =
                heightOf(given[std::size_t(p)] + 1) - heightOf(given[std::size_t(p)]);
            if (used + more > height)
                return false;
            used += more;
            ++given[std::size_t(p)];
            return true;
        };
        for (int p = 0; p < lanes; ++p)
            if (s.expandedLanes.contains(layout.laneAt(std::size_t(p)).key))
                while (given[std::size_t(p)] < need[std::size_t(p)] && grow(p)) {
                }
        for (;;) {
            int best = -1;
            for (int p = 0; p < lanes; ++p) {
                const int deficit = need[std::size_t(p)] - given[std::size_t(p)];
                if (deficit > 0 &&
                    (best < 0 || deficit > need[std::size_t(best)] - given[std::size_t(best)]))
                    best = p;
            }
            if (best < 0 || !grow(best))
                break;
        }
        // What is left is shared equally (lanes stay close to even).
        const double spare = (height - used) / lanes;
        std::vector<double> edges(static_cast<std::size_t>(lanes) + 1, 0.0);
        for (int p = 0; p < lanes; ++p)
            edges[std::size_t(p) + 1] =
                edges[std::size_t(p)] + heightOf(given[std::size_t(p)]) + spare;
        for (double& e : edges)
            e *= lanes / height;
        return edges;
    }
    if (!m_scrollLanes)
        return {};
    // Lanes that scroll, each as tall as its events need; in units of the scroll (a
    // lanesVisible()-th of the height).
    const int mostRows = std::max(1, int((height - 6) / rowHeight));
    const double unit = height / lanesVisible();
    std::vector<double> edges(static_cast<std::size_t>(lanes) + 1, 0.0);
    for (int p = 0; p < lanes; ++p) {
        const bool opened = s.expandedLanes.contains(layout.laneAt(std::size_t(p)).key);
        const int rows = opened ? need[std::size_t(p)] : std::min(need[std::size_t(p)], mostRows);
        edges[std::size_t(p) + 1] = edges[std::size_t(p)] + heightOf(rows) / unit;
    }
    m_scrollingEdges = true;
    return edges;
}

int TimelineChart::neededHeight() const
{
    // Without the strip and the key, sub-rows packed: the chrome as last laid out so, or an
    // estimate from the full chrome.
    if (m_neededLanesHeight <= 0)
        return 0;
    const int chrome = m_plot->height() - m_plot->axisRect()->height();
    const int packedChrome = m_compact ? chrome : std::max(0, fullChrome() - kOverviewAndKey);
    return packedChrome + int(std::ceil(m_neededLanesHeight));
}

int TimelineChart::wantedHeight() const
{
    // With the overview strip and the key, at full sub-row height: where the window can give
    // that, it gets them; where not, the chart leaves them out and packs its sub-rows.
    return fullChrome() + int(std::ceil(m_wantedLanesHeight));
}

void TimelineChart::onAfterLayout()
{
    // Every frame (window, export) once the plot knows its size and before anything is
    // drawn: lanes share the height by need, and the lane names move with the bands.
    const bool wasScrolling = m_scrollingEdges;
    std::vector<double> edges = weightedLaneEdges();
    if (updateCompact()) {
        // The overview strip and the key came or went: the lanes' height changed, this frame.
        QCPLayout* plotLayout = m_plot->plotLayout();
        for (const auto phase :
             {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
              QCPLayoutElement::upLayout})
            plotLayout->update(phase);
        edges = weightedLaneEdges();
    }
    if (edges == m_state->laneEdges && wasScrolling == m_scrollingEdges)
        return;
    m_state->laneEdges = std::move(edges);
    updateLaneAxis(true);
    m_plot->axisRect()->update(QCPLayoutElement::upPreparation); // tick positions, this frame
}

int TimelineChart::fullChrome() const
{
    // The x axis, the overview strip and the key, as last laid out with them (an estimate
    // before that).
    const int chrome = std::max(0, m_plot->height() - m_plot->axisRect()->height());
    if (!m_compact)
        return chrome;
    return m_fullChrome > 0 ? m_fullChrome : chrome + kOverviewAndKey;
}

bool TimelineChart::updateCompact()
{
    // The window's chart shows its overview strip and key only when every lane fits beside
    // them at full sub-row height: on a short pane (a 1280×720 screen) the lanes get that
    // height, so no lane scrolls and every event keeps its title. Whether the lanes fit
    // does not depend on the strip (events are placed by x), so this does not flip.
    if (!m_compact && m_plot->axisRect()->height() > 0)
        m_fullChrome = std::max(0, m_plot->height() - m_plot->axisRect()->height());
    const bool compact =
        m_scrollLanes && m_plot->height() > 0 &&
        (m_plot->height() < kMinFullHeight ||
         fullChrome() + int(std::ceil(m_wantedLanesHeight)) > m_plot->height());
    if (compact == m_compact)
        return false;
    m_compact = compact;
    // Hidden rows of the layout still keep their spacing: none while they are hidden.
    m_plot->plotLayout()->setRowSpacing(compact ? 0 : kRowSpacing);
    setOverviewVisible(m_overviewWanted);
    setLegendVisible(m_legendWanted);
    return true;
}

void TimelineChart::updateLaneAxis(bool labels)
{
    const LaneLayout& layout = m_state->layout;
    const int lanes = int(layout.laneCount());
    const int visible = lanesVisible();
    // In scroll units: a lane each, or as tall as the lanes' bands say (scrolling edges).
    const double total =
        m_scrollingEdges && !m_state->laneEdges.empty() ? m_state->laneEdges.back() : lanes;
    if (total <= visible + 1e-6) {
        m_laneTop = 0;
        m_plot->yAxis->setRange(0, std::max(1, lanes));
        emit laneScrollChanged(0, visible, 0, false);
    } else {
        m_laneTop = std::clamp(m_laneTop, 0.0, total - visible);
        m_plot->yAxis->setRange(m_laneTop, m_laneTop + visible);
        emit laneScrollChanged(int(std::ceil(total - visible - 1e-6)), visible,
                               int(std::lround(m_laneTop)), true);
    }
    if (!labels)
        return;
    auto ticker = m_plot->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QMap<double, QString> ticks;
    const QFontMetrics metrics(m_state->labelFont);
    int widest = 0;
    for (int p = 0; p < lanes; ++p) {
        // Elided once per name and type (this runs several times a frame).
        const QString& name = layout.laneAt(std::size_t(p)).label;
        if (m_laneNamesFont != m_state->labelFont) {
            m_laneNames.clear();
            m_laneNamesFont = m_state->labelFont;
        }
        auto it = m_laneNames.constFind(name);
        if (it == m_laneNames.cend())
        {
            const QString elided = metrics.elidedText(name, Qt::ElideRight, 150);
            it = m_laneNames.insert(name, {elided, metrics.horizontalAdvance(elided)});
        }
        const QString& label = it->first;
        widest = std::max(widest, it->second);
        ticks.insert((m_state->laneCoord(p) + m_state->laneCoord(p + 1)) / 2, label);
    }
    ticker->setTicks(ticks);
    // The margin fits every lane's name, not only those of the lanes in view when the plot
    // was last laid out (a lane scrolled or grown into view had its name cut at the left).
    const int margin = widest + m_plot->yAxis->tickLabelPadding() + m_plot->yAxis->padding() + 4;
    m_plot->axisRect()->setMinimumMargins(QMargins(margin, 0, 0, 0));
}

qint64 TimelineChart::windowFrom() const
{
    return qint64(std::floor(m_plot->xAxis->range().lower));
}

qint64 TimelineChart::windowTo() const
{
    return qint64(std::ceil(m_plot->xAxis->range().upper));
}

void TimelineChart::setWindow(qint64 from, qint64 to)
{
    const TimeIndex& index = m_story->timeIndex();
    const qint64 storySpan = index.empty() ? 0 : index.maxTime() - index.minTime();
    const qint64 maxSpan = std::max<qint64>(storySpan * 4, 20 * 366 * kDay);
    if (to < from)
        std::swap(from, to);
    const qint64 mid = from + (to - from) / 2;
    const qint64 span = std::clamp<qint64>(to - from, kMinSpan, maxSpan);
    if (span != to - from) {
        from = mid - span / 2;
        to = from + span;
    }
    updateLaneAxis();
    m_plot->xAxis->setRange(double(from), double(to));
    // The overview shows the story (its density is computed once per size), whatever the
    // window; a window reaching past the story is clamped to the strip's edges.
    QCPAxis* ovx = m_overviewRect->axis(QCPAxis::atBottom);
    const double lo = index.empty() ? double(from) : double(index.minTime());
    const double hi = index.empty() ? double(to) : double(index.maxTime());
    const double pad = std::max((hi - lo) * 0.03, double(kDay));
    ovx->setRange(lo - pad, hi + pad);
    // Lanes left out where empty follow the window (not again for the window they have).
    if (m_collapseEmptyLanes && !m_lanesHeld &&
        (windowFrom() != m_builtFrom || windowTo() != m_builtTo))
        rebuildLayout();
}

int TimelineChart::layoutGeneration() const
{
    return m_state->generation;
}

void TimelineChart::setLanesHeld(bool held)
{
    if (held == m_lanesHeld)
        return;
    m_lanesHeld = held;
    if (!held && m_collapseEmptyLanes &&
        (windowFrom() != m_builtFrom || windowTo() != m_builtTo)) {
        rebuildLayout();
        replot();
    }
}

void TimelineChart::setCollapseEmptyLanes(bool on)
{
    if (on == m_collapseEmptyLanes)
        return;
    m_collapseEmptyLanes = on;
    rebuildLayout();
    replot();
}

void TimelineChart::fitStory()
{
    const TimeIndex& index = m_story->timeIndex();
    if (index.empty()) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        setWindow(now - 30 * kDay, now + 30 * kDay);
        return;
    }
    const qint64 pad = std::max<qint64>((index.maxTime() - index.minTime()) / 25, kDay);
    setWindow(index.minTime() - pad, index.maxTime() + pad);
}

void TimelineChart::fitSelection()
{
    const TimeIndex& index = m_story->timeIndex();
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    for (Id id : m_selection->selectedEvents()) {
        const std::ptrdiff_t r = index.indexOf(id);
        if (r < 0)
            continue;
        lo = std::min(lo, index.earliest()[std::size_t(r)]);
        hi = std::max(hi, index.latest()[std::size_t(r)]);
    }
    if (lo > hi)
        return;
    const qint64 pad = std::max<qint64>((hi - lo) / 8, kDay);
    setWindow(lo - pad, hi + pad);
}

void TimelineChart::zoom(double factor, std::optional<qint64> around)
{
    const double from = m_plot->xAxis->range().lower, to = m_plot->xAxis->range().upper;
    const double c = around ? double(*around) : (from + to) / 2;
    setWindow(qint64(std::llround(c - (c - from) * factor)),
              qint64(std::llround(c + (to - c) * factor)));
}

void TimelineChart::pan(double fraction)
{
    const qint64 from = windowFrom(), to = windowTo();
    const qint64 shift = qint64(double(to - from) * fraction);
    setWindow(from + shift, to + shift);
}

const LaneLayout& TimelineChart::lanes() const
{
    return m_state->layout;
}

int TimelineChart::layoutBuilds() const
{
    return m_state->generation;
}

std::vector<std::size_t> TimelineChart::lanesOfEvent(Id id) const
{
    const std::ptrdiff_t r = m_story->timeIndex().indexOf(id);
    if (r < 0)
        return {};
    return m_state->layout.positionsOfRow(std::size_t(r));
}

void TimelineChart::moveLane(int from, int to)
{
    const int lanes = int(m_state->layout.laneCount());
    if (from < 0 || to < 0 || from >= lanes || to >= lanes || from == to)
        return;
    m_state->layout.moveLane(std::size_t(from), std::size_t(to));
    m_laneOrder[int(m_mode)] = m_state->layout.orderKeys();
    updateLaneAxis(true);
    replot();
}

void TimelineChart::setDetailLimit(int events)
{
    m_state->detailLimit = events;
    replot();
}

bool TimelineChart::lastFrameWasDensity() const
{
    return m_state->density;
}

QRectF TimelineChart::eventRect(Id id) const
{
    for (const TimelineState::Placed& p : m_state->placed)
        if (p.id == id)
            return p.box;
    return {};
}

QRectF TimelineChart::eventLabelRect(Id id) const
{
    for (const TimelineState::Placed& p : m_state->placed)
        if (p.id == id)
            return p.label;
    return {};
}

QRectF TimelineChart::laneRect(int position) const
{
    const QRect r = m_plot->axisRect()->rect();
    const double top = m_plot->yAxis->coordToPixel(m_state->laneCoord(position));
    const double bottom = m_plot->yAxis->coordToPixel(m_state->laneCoord(position + 1));
    return QRectF(QPointF(r.left(), std::min(top, bottom)),
                  QPointF(r.right(), std::max(top, bottom)));
}

qint64 TimelineChart::timeAt(double x) const
{
    return qint64(std::llround(m_plot->xAxis->pixelToCoord(x)));
}

Id TimelineChart::eventAt(const QPointF& pos) const
{
    const auto& placed = m_state->placed;
    for (auto it = placed.rbegin(); it != placed.rend(); ++it)
        if (it->box.contains(pos) || it->label.contains(pos))
            return it->id;
    return 0;
}

int TimelineChart::laneAtY(double y) const
{
    const QRect r = m_plot->axisRect()->rect();
    if (y < r.top() || y > r.bottom())
        return -1;
    const int lane = m_state->laneAtCoord(m_plot->yAxis->pixelToCoord(y));
    return lane >= 0 && lane < int(m_state->layout.laneCount()) ? lane : -1;
}

bool TimelineChart::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Resize) {
        updateLaneAxis();
    }
    return QObject::eventFilter(watched, event);
}

void TimelineChart::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineChart::replotHover()
{
    m_hoverLayer->replot();
}

void TimelineChart::onRangeChanged()
{
    m_settingWindow = true;
    m_selection->setTimeWindow(windowFrom(), windowTo());
    m_settingWindow = false;
    replot();
}

void TimelineChart::setLaneMode(LaneMode mode)
{
    if (mode == m_mode && m_state->layout.laneCount())
        return;
    if (m_state->layout.laneCount())
        m_laneOrder[int(m_mode)] = m_state->layout.orderKeys();
    m_mode = mode;
    rebuildLayout();
    replot();
}

void TimelineChart::setScrollLanes(bool on)
{
    if (on == m_scrollLanes)
        return;
    m_scrollLanes = on;
    m_state->laneEdges.clear();
    m_scrollingEdges = false;
    updateLaneAxis(true);
    replot();
}

double TimelineChart::laneStart(int position) const
{
    return m_state->laneCoord(position);
}

void TimelineChart::setLaneTop(double top)
{
    if (std::abs(top - m_laneTop) < 1e-9)
        return;
    m_laneTop = top;
    updateLaneAxis();
    replot();
}

void TimelineChart::setLaneExpanded(int position, bool expanded)
{
    if (position < 0 || std::size_t(position) >= m_state->layout.laneCount())
        return;
    const qint64 key = m_state->layout.laneAt(std::size_t(position)).key;
    if (expanded == m_state->expandedLanes.contains(key))
        return;
    if (expanded)
        m_state->expandedLanes.insert(key);
    else
        m_state->expandedLanes.remove(key);
    m_state->laneEdges.clear();
    replot();
}

bool TimelineChart::isLaneExpanded(int position) const
{
    return position >= 0 && std::size_t(position) < m_state->layout.laneCount() &&
           m_state->expandedLanes.contains(m_state->layout.laneAt(std::size_t(position)).key);
}

const QSet<Id>& TimelineChart::highlighted() const
{
    return m_state->highlight;
}

QRectF TimelineChart::overviewWindowRect() const
{
    return m_overview->windowRect();
}

void TimelineChart::setOverviewVisible(bool wanted)
{
    m_overviewWanted = wanted;
    const bool visible = wanted && !m_compact;
    if (visible == m_overviewRect->visible())
        return;
    m_overviewRect->setVisible(visible);
    // A hidden element still takes its minimum height in the layout.
    const int height = visible ? 58 : 0;
    m_overviewRect->setMinimumSize(0, height);
    m_overviewRect->setMaximumSize(QWIDGETSIZE_MAX, visible ? height : 0);
    m_overviewRect->setMinimumMargins(visible ? QMargins() : QMargins(0, 0, 0, 0));
    m_overviewRect->setAutoMargins(visible ? QCP::msAll : QCP::msNone);
    m_overviewRect->setMargins(QMargins());
    replot();
}

bool TimelineChart::overviewVisible() const
{
    return m_overviewRect->visible();
}

QRectF TimelineChart::todayLabelRect() const
{
    QRectF rect;
    const QCPRange range = m_plot->xAxis->range();
    if (!m_state->todayLabel(plotArea(), range.lower, range.upper, &rect))
        return {};
    return rect;
}

QRectF TimelineChart::plotArea() const
{
    return QRectF(m_plot->axisRect()->rect());
}

std::vector<TimelineChart::FramePlacement> TimelineChart::lastFrame() const
{
    std::vector<FramePlacement> out;
    out.reserve(m_state->placed.size());
    for (const TimelineState::Placed& p : m_state->placed)
        out.push_back({p.id, p.lanePosition, p.box, p.label, p.shortened});
    return out;
}

std::vector<TimelineChart::HiddenMark> TimelineChart::lastFrameHidden() const
{
    std::vector<HiddenMark> out;
    for (const TimelineState::Hidden& h : m_state->hidden)
        out.push_back({h.lanePosition, h.count, h.rect});
    return out;
}

int TimelineChart::hiddenMarkAt(const QPointF& pos) const
{
    for (const TimelineState::Hidden& h : m_state->hidden)
        if (h.rect.adjusted(-3, -3, 3, 3).contains(pos))
            return h.lanePosition;
    return -1;
}

bool TimelineChart::hoverAt(const QPointF& pos)
{
    TimelineState& s = *m_state;
    Id id = 0;
    int lane = -1, column = -1;
    if (s.plotRect.contains(pos)) {
        if (s.density) {
            lane = laneAtY(pos.y());
            column = int(pos.x() - s.plotRect.left());
            if (lane < s.firstLane || lane - s.firstLane >= int(s.counts.size()))
                lane = column = -1;
        } else {
            id = eventAt(pos);
        }
    }
    if (id == s.hoverId && lane == s.hoverLane && column == s.hoverColumn)
        return false;
    s.hoverId = id;
    s.hoverLane = lane;
    s.hoverColumn = column;
    m_hoverLayer->replot();
    return true;
}

Id TimelineChart::hoveredEvent() const
{
    return m_state->hoverId;
}

int TimelineChart::hoveredLane() const
{
    return m_state->hoverLane;
}

int TimelineChart::hoveredColumn() const
{
    return m_state->hoverColumn;
}

int TimelineChart::densityCount(int lane, int column, qint64* at) const
{
    const TimelineState& s = *m_state;
    if (lane < s.firstLane || lane - s.firstLane >= int(s.counts.size()) || column < 0)
        return -1;
    const auto& counts = s.counts[std::size_t(lane - s.firstLane)];
    if (column >= int(counts.size()))
        return -1;
    const double step = double(s.to - s.from) / double(counts.size());
    if (at)
        *at = s.from + qint64(step * column);
    return counts[std::size_t(column)];
}

void TimelineChart::paint(QCPPainter& painter, QSize size)
{
    // Off screen the plot takes the size asked for; on screen it keeps the window's.
    if (!m_plot->isVisible() && m_plot->size() != size) {
        m_plot->resize(size);
        updateLaneAxis();
    }
    // One frame that must be complete: every title read, no hover or selection marks.
    m_state->oneShot = true;
    const bool hover = m_hoverLayer->visible();
    m_hoverLayer->setVisible(false);
    m_plot->toPainter(&painter, size.width(), size.height());
    m_hoverLayer->setVisible(hover);
    m_state->oneShot = false;
}

void TimelineChart::paint(QPainter& painter, QSize size)
{
    // Recorded by a QCustomPlot painter, then played onto any painter (vector stays vector).
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        paint(recorder, size);
    }
    painter.drawPicture(0, 0, picture);
}

} // namespace chronomap
