#include "timelineview.h"

#include "calendarticker.h"
#include "eventcard.h"
#include "eventsplottable.h"
#include "i18n/labels.h"
#include "query/selection.h"
#include "story/story.h"
#include "timelinedecor.h"
#include "timelinestate.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QGestureEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QToolTip>

#include <qcustomplot.h>

#include <cmath>

namespace chronomap {

namespace {

constexpr qint64 kMinSpan = 10 * 60; // ten minutes
constexpr qint64 kDay = 86400;
constexpr double kMinLaneHeight = 26;
// Everything the plot draws around the lanes: x axis, overview strip, legend, margins.
constexpr int kChrome = 150;
constexpr qint64 kSmallStory = 100000; // read all events at once below this size

} // namespace

TimelineView::TimelineView(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_plot(new QCustomPlot(this)),
      m_state(std::make_unique<TimelineState>())
{
    m_state->story = story;
    m_state->selection = selection;
    m_state->labelFont = font();
    m_state->labelFont.setPixelSize(12);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_plot, 1);
    m_laneScroll = new QScrollBar(Qt::Vertical, this);
    m_laneScroll->setAccessibleName(tr("Lanes"));
    m_laneScroll->hide();
    layout->addWidget(m_laneScroll);
    connect(m_laneScroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (std::abs(value - m_laneTop) >= 1) {
            m_laneTop = value;
            updateLaneAxis();
            replot();
        }
    });

    buildPlot();
    buildActions();
    reloadStory();
    fitStory();

    connect(story, &Story::changed, this, [this] {
        reloadStory();
        replot();
    });
    connect(selection, &Selection::timeWindowChanged, this, [this](qint64 from, qint64 to) {
        if (!m_settingWindow && to > from && (from != windowFrom() || to != windowTo()))
            setWindow(from, to);
    });
    connect(selection, &Selection::selectionChanged, this, [this] { m_hoverLayer->replot(); });
    connect(selection, &Selection::highlightChanged, this, [this] {
        m_state->highlight = m_selection->highlightedEvents();
        replot();
    });
    connect(selection, &Selection::filterChanged, this, [this] {
        rebuildLayout();
        replot();
    });
    connect(selection, &Selection::currentChanged, this, [this] {
        const auto ref = m_selection->current();
        if (ref && ref->kind == EntityKind::Event)
            revealEvent(ref->id);
    });
}

TimelineView::~TimelineView() = default;

void TimelineView::buildPlot()
{
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setInteractions({});
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_plot->grabGesture(Qt::PinchGesture);
    m_plot->setAccessibleName(tr("Timeline"));

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

    connect(m_plot, &QCustomPlot::afterLayout, this, &TimelineView::onAfterLayout);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &TimelineView::onRangeChanged);
}

void TimelineView::buildActions()
{
    auto make = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_modeGroup = new QActionGroup(this);
    m_byCategory = make(tr("Lanes by &Category"), {QKeySequence(Qt::ALT | Qt::Key_1)},
                        [this] { setLaneMode(LaneMode::Category); });
    m_byActor = make(tr("Lanes by &Actor"), {QKeySequence(Qt::ALT | Qt::Key_2)},
                     [this] { setLaneMode(LaneMode::Actor); });
    m_packed = make(tr("&Packed Lanes"), {QKeySequence(Qt::ALT | Qt::Key_3)},
                    [this] { setLaneMode(LaneMode::Packed); });
    for (QAction* a : {m_byCategory, m_byActor, m_packed}) {
        a->setCheckable(true);
        m_modeGroup->addAction(a);
    }
    m_byCategory->setChecked(true);
    auto separator = [this] {
        auto* s = new QAction(this);
        s->setSeparator(true);
        addAction(s);
    };
    separator();
    make(tr("Zoom &In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
         [this] { zoom(1 / 1.6); });
    make(tr("Zoom &Out"), {QKeySequence(Qt::Key_Minus)}, [this] { zoom(1.6); });
    make(tr("&Fit Story"), {QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_F)},
         [this] { fitStory(); });
    make(tr("Fit &Selection"), {QKeySequence(Qt::SHIFT | Qt::Key_F)}, [this] { fitSelection(); });
    make(tr("&Previous Event"), {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_K)},
         [this] { previousEvent(); });
    make(tr("&Next Event"), {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_J)},
         [this] { nextEvent(); });
    separator();
    // The lane of the current event (or the one right-clicked) moves.
    auto currentLane = [this]() -> int {
        if (m_contextLane >= 0)
            return m_contextLane;
        const auto ref = m_selection->current();
        if (ref && ref->kind == EntityKind::Event) {
            const auto lanes = lanesOfEvent(ref->id);
            if (!lanes.empty())
                return int(lanes.front());
        }
        return -1;
    };
    make(tr("Move Lane &Up"), {QKeySequence(Qt::ALT | Qt::Key_Up)}, [this, currentLane] {
        const int lane = currentLane();
        if (lane > 0)
            moveLane(lane, lane - 1);
    });
    make(tr("Move Lane &Down"), {QKeySequence(Qt::ALT | Qt::Key_Down)}, [this, currentLane] {
        const int lane = currentLane();
        if (lane >= 0)
            moveLane(lane, lane + 1);
    });
}

void TimelineView::reloadStory()
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

void TimelineView::rebuildLayout()
{
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
    layout.build(in);
    layout.applyOrder(m_laneOrder[int(m_mode)]);
    ++m_state->generation;
    m_state->placed.clear();
    m_state->hoverId = 0;
    updateLaneAxis(true);
}

int TimelineView::lanesVisible() const
{
    const double height = std::max(60, m_plot->height() - kChrome);
    return std::max(1, int(height / kMinLaneHeight));
}

std::vector<double> TimelineView::weightedLaneEdges() const
{
    // Only when every lane fits and the window is drawn in detail: how many sub-rows each
    // lane needs (its events packed with room for a label after each), then the height shared
    // out by need, no lane under the minimum. In lane units (the value axis keeps its range;
    // only the bands move), from the plot's height as just laid out.
    const TimelineState& s = *m_state;
    const LaneLayout& layout = s.layout;
    const int lanes = int(layout.laneCount());
    const double height = m_plot->axisRect()->height();
    if (lanes == 0 || lanes > lanesVisible() || height < lanes * kMinLaneHeight)
        return {};
    const qint64 from = windowFrom(), to = windowTo();
    qint64 visible = 0;
    for (int p = 0; p < lanes; ++p)
        visible += LaneLayout::countOverlapping(layout.laneAt(std::size_t(p)), from, to);
    if (visible > s.detailLimit || visible == 0)
        return {};
    const TimeIndex& index = m_story->timeIndex();
    const auto earliest = index.earliest(), latest = index.latest();
    const auto nominalStart = index.nominalStart(), nominalEnd = index.nominalEnd();
    const double perSecond =
        std::max(1, m_plot->axisRect()->width()) / double(std::max<qint64>(1, to - from));
    constexpr double kLabelRoom = 170; // pixels: a typical title after its box
    constexpr int kMaxRows = 8;
    std::vector<double> want(static_cast<std::size_t>(lanes));
    std::vector<qint64> starts, ends;
    for (int p = 0; p < lanes; ++p) {
        const LaneLayout::Lane& lane = layout.laneAt(std::size_t(p));
        const auto [a, b] = LaneLayout::candidates(lane, from, to);
        starts.clear();
        ends.clear();
        for (std::size_t i = a; i < b; ++i) {
            const quint32 row = lane.rows[i];
            if (latest[row] < from)
                continue;
            const qint64 x0 = std::min(earliest[row], nominalStart[row]);
            const qint64 room = qint64(kLabelRoom / perSecond);
            starts.push_back(x0);
            ends.push_back(std::max({latest[row], nominalEnd[row], nominalStart[row] + room}));
        }
        int rows = 1;
        if (!starts.empty()) {
            const auto packed = LaneLayout::pack(starts, ends, qint64(6 / perSecond));
            rows = int(*std::max_element(packed.begin(), packed.end())) + 1;
        }
        want[std::size_t(p)] =
            std::max(kMinLaneHeight, std::min(rows, kMaxRows) * TimelineState::kRowHeight + 6);
    }
    // Room for everything: each lane what it wants, and what is left shared equally (lanes
    // stay close to even). Too little: each lane the minimum, the rest by what each wants
    // beyond it.
    const double wanted = std::accumulate(want.begin(), want.end(), 0.0);
    const double extraWanted = wanted - lanes * kMinLaneHeight;
    std::vector<double> edges(static_cast<std::size_t>(lanes) + 1, 0.0);
    for (int p = 0; p < lanes; ++p) {
        const double w = want[std::size_t(p)];
        const double h = wanted <= height  ? w + (height - wanted) / lanes
                         : extraWanted > 0 ? kMinLaneHeight + (height - lanes * kMinLaneHeight) *
                                                                  (w - kMinLaneHeight) / extraWanted
                                           : height / lanes;
        edges[std::size_t(p) + 1] = edges[std::size_t(p)] + h;
    }
    for (double& e : edges)
        e *= lanes / height;
    return edges;
}

void TimelineView::onAfterLayout()
{
    // Every frame (window, export) once the plot knows its size and before anything is
    // drawn: lanes share the height by need, and the lane names move with the bands.
    std::vector<double> edges = weightedLaneEdges();
    if (edges == m_state->laneEdges)
        return;
    m_state->laneEdges = std::move(edges);
    updateLaneAxis(true);
    m_plot->axisRect()->update(QCPLayoutElement::upPreparation); // tick positions, this frame
}

void TimelineView::updateLaneAxis(bool labels)
{
    const LaneLayout& layout = m_state->layout;
    const int lanes = int(layout.laneCount());
    const int visible = lanesVisible();
    if (lanes <= visible) {
        m_laneTop = 0;
        m_plot->yAxis->setRange(0, std::max(1, lanes));
        m_laneScroll->hide();
    } else {
        m_laneTop = std::clamp(m_laneTop, 0.0, double(lanes - visible));
        m_plot->yAxis->setRange(m_laneTop, m_laneTop + visible);
        const QSignalBlocker block(m_laneScroll);
        m_laneScroll->setRange(0, lanes - visible);
        m_laneScroll->setPageStep(visible);
        m_laneScroll->setValue(int(std::lround(m_laneTop)));
        m_laneScroll->setVisible(!m_state->exportMode);
    }
    if (!labels)
        return;
    auto ticker = m_plot->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QMap<double, QString> ticks;
    const QFontMetrics metrics(m_state->labelFont);
    for (int p = 0; p < lanes; ++p)
        ticks.insert((m_state->laneCoord(p) + m_state->laneCoord(p + 1)) / 2,
                     metrics.elidedText(layout.laneAt(std::size_t(p)).label, Qt::ElideRight, 150));
    ticker->setTicks(ticks);
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLaneAxis();
}

void TimelineView::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::onRangeChanged()
{
    m_settingWindow = true;
    m_selection->setTimeWindow(windowFrom(), windowTo());
    m_settingWindow = false;
    replot();
}

qint64 TimelineView::windowFrom() const
{
    return qint64(std::floor(m_plot->xAxis->range().lower));
}

qint64 TimelineView::windowTo() const
{
    return qint64(std::ceil(m_plot->xAxis->range().upper));
}

void TimelineView::setWindow(qint64 from, qint64 to)
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
}

void TimelineView::fitStory()
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

void TimelineView::fitSelection()
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

void TimelineView::zoom(double factor, std::optional<qint64> around)
{
    const double from = m_plot->xAxis->range().lower, to = m_plot->xAxis->range().upper;
    const double c = around ? double(*around) : (from + to) / 2;
    setWindow(qint64(std::llround(c - (c - from) * factor)),
              qint64(std::llround(c + (to - c) * factor)));
}

void TimelineView::pan(double fraction)
{
    const qint64 from = windowFrom(), to = windowTo();
    const qint64 shift = qint64(double(to - from) * fraction);
    setWindow(from + shift, to + shift);
}

void TimelineView::nextEvent()
{
    const TimeIndex& index = m_story->timeIndex();
    const LaneLayout& layout = m_state->layout;
    std::size_t r;
    const auto ref = m_selection->current();
    const std::ptrdiff_t current =
        ref && ref->kind == EntityKind::Event ? index.indexOf(ref->id) : -1;
    if (current >= 0)
        r = std::size_t(current) + 1;
    else
        r = std::size_t(
            std::lower_bound(index.earliest().begin(), index.earliest().end(), windowFrom()) -
            index.earliest().begin());
    while (r < index.size() && !layout.isIncluded(r))
        ++r;
    if (r < index.size())
        clickEvent(index.ids()[r]);
}

void TimelineView::previousEvent()
{
    const TimeIndex& index = m_story->timeIndex();
    const LaneLayout& layout = m_state->layout;
    std::ptrdiff_t r;
    const auto ref = m_selection->current();
    const std::ptrdiff_t current =
        ref && ref->kind == EntityKind::Event ? index.indexOf(ref->id) : -1;
    if (current >= 0)
        r = current - 1;
    else
        r = std::upper_bound(index.earliest().begin(), index.earliest().end(), windowTo()) -
            index.earliest().begin() - 1;
    while (r >= 0 && !layout.isIncluded(std::size_t(r)))
        --r;
    if (r >= 0)
        clickEvent(index.ids()[std::size_t(r)]);
}

LaneMode TimelineView::laneMode() const
{
    return m_mode;
}

void TimelineView::setLaneMode(LaneMode mode)
{
    QAction* action = mode == LaneMode::Category ? m_byCategory
                      : mode == LaneMode::Actor  ? m_byActor
                                                 : m_packed;
    action->setChecked(true);
    if (mode == m_mode && m_state->layout.laneCount())
        return;
    if (m_state->layout.laneCount())
        m_laneOrder[int(m_mode)] = m_state->layout.orderKeys();
    m_mode = mode;
    const QCursor old = cursor();
    setCursor(Qt::WaitCursor);
    rebuildLayout();
    setCursor(old);
    replot();
}

const LaneLayout& TimelineView::lanes() const
{
    return m_state->layout;
}

std::vector<std::size_t> TimelineView::lanesOfEvent(Id id) const
{
    const std::ptrdiff_t r = m_story->timeIndex().indexOf(id);
    if (r < 0)
        return {};
    return m_state->layout.positionsOfRow(std::size_t(r));
}

void TimelineView::moveLane(int from, int to)
{
    const int lanes = int(m_state->layout.laneCount());
    if (from < 0 || to < 0 || from >= lanes || to >= lanes || from == to)
        return;
    m_state->layout.moveLane(std::size_t(from), std::size_t(to));
    m_laneOrder[int(m_mode)] = m_state->layout.orderKeys();
    if (m_contextLane == from)
        m_contextLane = -1;
    updateLaneAxis(true);
    replot();
}

void TimelineView::setExportMode(bool on)
{
    m_state->exportMode = on;
    updateLaneAxis();
}

void TimelineView::setDetailLimit(int events)
{
    m_state->detailLimit = events;
    replot();
}

bool TimelineView::lastFrameWasDensity() const
{
    return m_state->density;
}

QRectF TimelineView::eventRect(Id id) const
{
    for (const TimelineState::Placed& p : m_state->placed)
        if (p.id == id)
            return p.box;
    return {};
}

QRectF TimelineView::eventLabelRect(Id id) const
{
    for (const TimelineState::Placed& p : m_state->placed)
        if (p.id == id)
            return p.label;
    return {};
}

QRectF TimelineView::laneRect(int position) const
{
    const QRect r = m_plot->axisRect()->rect();
    const double top = m_plot->yAxis->coordToPixel(m_state->laneCoord(position));
    const double bottom = m_plot->yAxis->coordToPixel(m_state->laneCoord(position + 1));
    return QRectF(QPointF(r.left(), std::min(top, bottom)),
                  QPointF(r.right(), std::max(top, bottom)));
}

qint64 TimelineView::timeAt(double x) const
{
    return qint64(std::llround(m_plot->xAxis->pixelToCoord(x)));
}

Id TimelineView::eventAt(const QPointF& pos) const
{
    const auto& placed = m_state->placed;
    for (auto it = placed.rbegin(); it != placed.rend(); ++it)
        if (it->box.contains(pos) || it->label.contains(pos))
            return it->id;
    return 0;
}

int TimelineView::laneAtY(double y) const
{
    const QRect r = m_plot->axisRect()->rect();
    if (y < r.top() || y > r.bottom())
        return -1;
    const int lane = m_state->laneAtCoord(m_plot->yAxis->pixelToCoord(y));
    return lane >= 0 && lane < int(m_state->layout.laneCount()) ? lane : -1;
}

void TimelineView::clickEvent(Id id)
{
    QSet<Id> actors;
    if (const auto e = m_story->store().event(id))
        for (const Participation& p : e->actors)
            actors.insert(p.actorId);
    m_selection->selectEvents({id});
    m_selection->setCurrent(EntityRef{EntityKind::Event, id});
    m_selection->setHighlight({id}, actors);
}

void TimelineView::revealEvent(Id id)
{
    const TimeIndex& index = m_story->timeIndex();
    const std::ptrdiff_t r = index.indexOf(id);
    if (r < 0)
        return;
    const qint64 start = index.nominalStart()[std::size_t(r)];
    const qint64 end = index.nominalEnd()[std::size_t(r)];
    const qint64 from = windowFrom(), to = windowTo();
    if (end < from || start > to) {
        const qint64 span = to - from;
        const qint64 mid = start + (std::min(end, start + span / 2) - start) / 2;
        setWindow(mid - span / 2, mid - span / 2 + span);
    }
    const auto lanes = lanesOfEvent(id);
    const QCPRange y = m_plot->yAxis->range();
    if (!lanes.empty() &&
        (double(lanes.front()) < y.lower || double(lanes.front()) + 1 > y.upper)) {
        m_laneTop = double(lanes.front()) - std::floor(y.size() / 2);
        updateLaneAxis();
        replot();
    }
}

bool TimelineView::hoverAt(const QPointF& pos, bool card)
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
    if (card && !s.exportMode)
        showCard(m_plot->mapToGlobal(pos.toPoint()));
    return true;
}

void TimelineView::showCard(const QPoint& globalPos)
{
    const TimelineState& s = *m_state;
    Store& store = m_story->store();
    QString html;
    if (s.hoverId) {
        html = eventCardHtml(store, s.hoverId);
        if (html.isEmpty()) {
            QToolTip::hideText();
            return;
        }
    } else if (s.hoverLane >= 0 && s.hoverColumn >= 0) {
        const auto& counts = s.counts[std::size_t(s.hoverLane - s.firstLane)];
        if (s.hoverColumn >= int(counts.size()))
            return;
        const int n = counts[std::size_t(s.hoverColumn)];
        const double step = double(s.to - s.from) / double(counts.size());
        const qint64 a = s.from + qint64(step * s.hoverColumn);
        html = tr("<b>%L1 events</b> in %2<br/>around %3<br/><small>Zoom in to see them</small>")
                   .arg(n)
                   .arg(s.layout.laneAt(std::size_t(s.hoverLane)).label.toHtmlEscaped(),
                        PartialDate::isoDay(a));
    }
    if (html.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, html, m_plot);
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        mousePress(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseMove:
        mouseMove(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonRelease:
        mouseRelease(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonDblClick:
        mouseDoubleClick(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::Wheel:
        wheel(static_cast<QWheelEvent*>(event));
        return true;
    case QEvent::Leave:
        hoverAt(QPointF(-1, -1), false);
        QToolTip::hideText();
        return false;
    case QEvent::ContextMenu:
        contextMenu(static_cast<QContextMenuEvent*>(event)->pos());
        return true;
    case QEvent::NativeGesture: {
        auto* g = static_cast<QNativeGestureEvent*>(event);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            zoom(1.0 / (1.0 + g->value()), timeAt(g->position().x()));
            return true;
        }
        return false;
    }
    case QEvent::Gesture: {
        auto* g = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(g->gesture(Qt::PinchGesture))) {
            if (pinch->scaleFactor() > 0)
                zoom(1.0 / pinch->scaleFactor(),
                     timeAt(m_plot->mapFromGlobal(pinch->centerPoint().toPoint()).x()));
            g->accept(pinch);
            return true;
        }
        return false;
    }
    case QEvent::KeyPress: {
        // Shortcuts normally fire before this; this catches keys sent straight to the plot.
        auto* k = static_cast<QKeyEvent*>(event);
        const QKeySequence pressed(k->keyCombination());
        for (QAction* a : actions())
            for (const QKeySequence& s : a->shortcuts())
                if (s == pressed && a->isEnabled()) {
                    a->trigger();
                    return true;
                }
        return false;
    }
    default:
        return false;
    }
}

void TimelineView::mousePress(QMouseEvent* event)
{
    m_plot->setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_pressFrom = m_plot->xAxis->range().lower;
    m_pressTo = m_plot->xAxis->range().upper;
    m_pressLaneTop = m_laneTop;
    m_dragged = false;
    m_drag = Drag::None;
    if (m_overviewRect->rect().contains(pos.toPoint())) {
        const QRectF w = m_overview->windowRect();
        if (std::abs(pos.x() - w.left()) <= 5)
            m_drag = Drag::OverviewLeft;
        else if (std::abs(pos.x() - w.right()) <= 5)
            m_drag = Drag::OverviewRight;
        else if (w.contains(pos))
            m_drag = Drag::OverviewMove;
        else
            m_drag = Drag::OverviewBrush;
    } else if (m_plot->axisRect()->rect().contains(pos.toPoint())) {
        m_drag = Drag::Pan;
    }
}

void TimelineView::mouseMove(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::None || !(event->buttons() & Qt::LeftButton)) {
        hoverAt(pos);
        if (m_overviewRect->rect().contains(pos.toPoint())) {
            const QRectF w = m_overview->windowRect();
            const bool edge =
                std::abs(pos.x() - w.left()) <= 5 || std::abs(pos.x() - w.right()) <= 5;
            m_plot->setCursor(edge              ? Qt::SizeHorCursor
                              : w.contains(pos) ? Qt::OpenHandCursor
                                                : Qt::CrossCursor);
        } else {
            m_plot->setCursor(Qt::ArrowCursor);
        }
        return;
    }
    const double dx = pos.x() - m_pressPos.x();
    if (!m_dragged && std::abs(dx) + std::abs(pos.y() - m_pressPos.y()) < 4)
        return;
    m_dragged = true;
    if (m_drag == Drag::Pan) {
        const double width = std::max(1, m_plot->axisRect()->width());
        const double dt = dx * (m_pressTo - m_pressFrom) / width;
        const double laneHeight =
            std::abs(m_plot->yAxis->coordToPixel(1) - m_plot->yAxis->coordToPixel(0));
        if (m_laneScroll->isVisible() && laneHeight > 0) {
            m_laneTop = m_pressLaneTop - (pos.y() - m_pressPos.y()) / laneHeight;
            updateLaneAxis();
        }
        setWindow(qint64(m_pressFrom - dt), qint64(m_pressTo - dt));
        return;
    }
    QCPAxis* ovx = m_overviewRect->axis(QCPAxis::atBottom);
    const double dt = ovx->pixelToCoord(pos.x()) - ovx->pixelToCoord(m_pressPos.x());
    switch (m_drag) {
    case Drag::OverviewMove:
        setWindow(qint64(m_pressFrom + dt), qint64(m_pressTo + dt));
        break;
    case Drag::OverviewLeft:
        setWindow(qint64(std::min(m_pressFrom + dt, m_pressTo - kMinSpan)), qint64(m_pressTo));
        break;
    case Drag::OverviewRight:
        setWindow(qint64(m_pressFrom), qint64(std::max(m_pressTo + dt, m_pressFrom + kMinSpan)));
        break;
    case Drag::OverviewBrush: {
        const double a = ovx->pixelToCoord(m_pressPos.x()), b = ovx->pixelToCoord(pos.x());
        setWindow(qint64(std::min(a, b)), qint64(std::max(a, b)));
        break;
    }
    default:
        break;
    }
}

void TimelineView::mouseRelease(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (event->button() != Qt::LeftButton || m_dragged)
        return;
    const QPointF pos = event->position();
    if (drag == Drag::OverviewBrush) {
        // A click beside the window moves the window there.
        const qint64 t = qint64(m_overviewRect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x()));
        const qint64 span = windowTo() - windowFrom();
        setWindow(t - span / 2, t - span / 2 + span);
    } else if (drag == Drag::Pan) {
        if (m_state->density) {
            zoom(0.25, timeAt(pos.x()));
        } else if (const Id id = eventAt(pos)) {
            clickEvent(id);
        } else {
            m_selection->clearSelection();
            m_selection->setHighlight({}, {});
        }
    }
}

void TimelineView::mouseDoubleClick(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const Id id = eventAt(event->position())) {
        clickEvent(id);
        emit eventActivated(id);
    }
}

void TimelineView::wheel(QWheelEvent* event)
{
    const QPointF pos = event->position();
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        scrollLanes(-(delta.y() ? delta.y() : delta.x()) / 120.0);
        return;
    }
    if (std::abs(delta.x()) > std::abs(delta.y())) {
        pan(-delta.x() / 1200.0);
        return;
    }
    const double steps = delta.y() / 120.0;
    QCPAxis* axis = m_overviewRect->rect().contains(pos.toPoint())
                        ? m_overviewRect->axis(QCPAxis::atBottom)
                        : m_plot->xAxis;
    zoom(std::pow(0.8, steps), qint64(axis->pixelToCoord(pos.x())));
}

void TimelineView::scrollLanes(double lanes)
{
    if (!m_laneScroll->isVisible())
        return;
    m_laneTop += lanes;
    updateLaneAxis();
    replot();
}

void TimelineView::contextMenu(const QPoint& pos)
{
    m_contextLane = laneAtY(pos.y());
    QMenu menu(this);
    if (m_contextLane >= 0) {
        const QString name = m_state->layout.laneAt(std::size_t(m_contextLane)).label;
        menu.addSection(name);
        const int lane = m_contextLane;
        menu.addAction(tr("Move Lane Up"), this, [this, lane] { moveLane(lane, lane - 1); })
            ->setEnabled(lane > 0);
        menu.addAction(tr("Move Lane Down"), this, [this, lane] { moveLane(lane, lane + 1); })
            ->setEnabled(lane + 1 < int(m_state->layout.laneCount()));
        menu.addAction(tr("Move Lane to Top"), this, [this, lane] { moveLane(lane, 0); })
            ->setEnabled(lane > 0);
        menu.addSeparator();
    }
    menu.addActions(actions());
    menu.exec(m_plot->mapToGlobal(pos));
    m_contextLane = -1;
}

} // namespace chronomap
