#include "timelineview.h"

#include "eventcard.h"
#include "i18n/labels.h"
#include "query/selection.h"
#include "story/story.h"
#include "timelinechart.h"

#include <QAction>
#include <QActionGroup>
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

} // namespace

TimelineView::TimelineView(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection),
      m_chart(new TimelineChart(story, selection, this))
{
    QCustomPlot* plot = m_chart->plot();
    plot->setParent(this);
    plot->setFocusPolicy(Qt::StrongFocus);
    plot->setMouseTracking(true);
    plot->installEventFilter(this);
    plot->grabGesture(Qt::PinchGesture);
    plot->setAccessibleName(tr("Timeline"));
    // The window's lanes take the height their events need and scroll, rather than hide
    // events behind "+N more".
    m_chart->setScrollLanes(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(plot, 1);
    m_laneScroll = new QScrollBar(Qt::Vertical, this);
    m_laneScroll->setAccessibleName(tr("Lanes"));
    m_laneScroll->hide();
    layout->addWidget(m_laneScroll);
    connect(m_laneScroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (std::abs(value - m_chart->laneTop()) >= 1)
            m_chart->setLaneTop(value);
    });
    connect(m_chart, &TimelineChart::laneScrollChanged, this,
            [this](int maximum, int pageStep, int value, bool needed) {
                const QSignalBlocker block(m_laneScroll);
                m_laneScroll->setRange(0, maximum);
                m_laneScroll->setPageStep(pageStep);
                m_laneScroll->setValue(value);
                m_laneScroll->setVisible(needed);
            });

    buildActions();
    m_chart->fitStory();

    connect(selection, &Selection::currentChanged, this, [this] {
        const auto ref = m_selection->current();
        if (ref && ref->kind == EntityKind::Event)
            revealEvent(ref->id);
    });
}

TimelineView::~TimelineView() = default;

QCustomPlot* TimelineView::plot() const
{
    return m_chart->plot();
}

void TimelineView::fitStory()
{
    m_chart->fitStory();
}

void TimelineView::fitSelection()
{
    m_chart->fitSelection();
}

void TimelineView::setWindow(qint64 from, qint64 to)
{
    m_chart->setWindow(from, to);
}

qint64 TimelineView::windowFrom() const
{
    return m_chart->windowFrom();
}

qint64 TimelineView::windowTo() const
{
    return m_chart->windowTo();
}

void TimelineView::zoom(double factor, std::optional<qint64> around)
{
    m_chart->zoom(factor, around);
}

void TimelineView::pan(double fraction)
{
    m_chart->pan(fraction);
}

LaneMode TimelineView::laneMode() const
{
    return m_chart->laneMode();
}

void TimelineView::setLaneMode(LaneMode mode)
{
    QAction* action = mode == LaneMode::Category ? m_byCategory
                      : mode == LaneMode::Actor  ? m_byActor
                                                 : m_packed;
    action->setChecked(true);
    const QCursor old = cursor();
    setCursor(Qt::WaitCursor);
    m_chart->setLaneMode(mode);
    setCursor(old);
}

const LaneLayout& TimelineView::lanes() const
{
    return m_chart->lanes();
}

std::vector<std::size_t> TimelineView::lanesOfEvent(Id id) const
{
    return m_chart->lanesOfEvent(id);
}

void TimelineView::moveLane(int from, int to)
{
    if (m_contextLane == from)
        m_contextLane = -1;
    m_chart->moveLane(from, to);
}

void TimelineView::setTheme(const ChartTheme& theme)
{
    m_chart->setTheme(theme);
}

const ChartTheme& TimelineView::theme() const
{
    return m_chart->theme();
}

void TimelineView::setLegendVisible(bool visible)
{
    m_chart->setLegendVisible(visible);
}

void TimelineView::setMarkUnverified(bool on)
{
    m_chart->setMarkUnverified(on);
}

void TimelineView::setDetailLimit(int events)
{
    m_chart->setDetailLimit(events);
}

bool TimelineView::lastFrameWasDensity() const
{
    return m_chart->lastFrameWasDensity();
}

QRectF TimelineView::eventRect(Id id) const
{
    return m_chart->eventRect(id);
}

QRectF TimelineView::eventLabelRect(Id id) const
{
    return m_chart->eventLabelRect(id);
}

QRectF TimelineView::laneRect(int position) const
{
    return m_chart->laneRect(position);
}

bool TimelineView::hoverAt(const QPointF& pos, bool card)
{
    if (!m_chart->hoverAt(pos))
        return false;
    if (card)
        showCard(plot()->mapToGlobal(pos.toPoint()));
    return true;
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

void TimelineView::nextEvent()
{
    const TimeIndex& index = m_story->timeIndex();
    const LaneLayout& layout = m_chart->lanes();
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
    const LaneLayout& layout = m_chart->lanes();
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
    const QCPRange y = plot()->yAxis->range();
    if (lanes.empty())
        return;
    const int lane = int(lanes.front());
    const double top = m_chart->laneStart(lane), bottom = m_chart->laneStart(lane + 1);
    if (top < y.lower || bottom > y.upper)
        m_chart->setLaneTop(std::floor((top + bottom - y.size()) / 2));
}

QString TimelineView::hoverCardText() const
{
    Store& store = m_story->store();
    QString html;
    if (const Id hovered = m_chart->hoveredEvent()) {
        html = eventCardHtml(store, hovered);
    } else if (m_chart->hoveredLane() >= 0 && m_chart->hoveredColumn() >= 0) {
        qint64 a = 0;
        const int lane = m_chart->hoveredLane();
        const int n = m_chart->densityCount(lane, m_chart->hoveredColumn(), &a);
        if (n < 0)
            return {};
        html = tr("<b>%L1 events</b> in %2<br/>around %3<br/><small>Zoom in to see them</small>")
                   .arg(n)
                   .arg(m_chart->lanes().laneAt(std::size_t(lane)).label.toHtmlEscaped(),
                        PartialDate::isoDay(a));
    }
    return html;
}

void TimelineView::showCard(const QPoint& globalPos)
{
    const QString html = hoverCardText();
    if (html.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, html, plot());
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != plot())
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
            zoom(1.0 / (1.0 + g->value()), m_chart->timeAt(g->position().x()));
            return true;
        }
        return false;
    }
    case QEvent::Gesture: {
        auto* g = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(g->gesture(Qt::PinchGesture))) {
            if (pinch->scaleFactor() > 0)
                zoom(1.0 / pinch->scaleFactor(),
                     m_chart->timeAt(plot()->mapFromGlobal(pinch->centerPoint().toPoint()).x()));
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
    plot()->setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_pressFrom = plot()->xAxis->range().lower;
    m_pressTo = plot()->xAxis->range().upper;
    m_pressLaneTop = m_chart->laneTop();
    m_dragged = false;
    m_drag = Drag::None;
    if (m_chart->overviewRect()->rect().contains(pos.toPoint())) {
        const QRectF w = m_chart->overviewWindowRect();
        if (std::abs(pos.x() - w.left()) <= 5)
            m_drag = Drag::OverviewLeft;
        else if (std::abs(pos.x() - w.right()) <= 5)
            m_drag = Drag::OverviewRight;
        else if (w.contains(pos))
            m_drag = Drag::OverviewMove;
        else
            m_drag = Drag::OverviewBrush;
    } else if (plot()->axisRect()->rect().contains(pos.toPoint())) {
        m_drag = Drag::Pan;
    }
}

void TimelineView::mouseMove(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::None || !(event->buttons() & Qt::LeftButton)) {
        hoverAt(pos);
        if (m_chart->overviewRect()->rect().contains(pos.toPoint())) {
            const QRectF w = m_chart->overviewWindowRect();
            const bool edge =
                std::abs(pos.x() - w.left()) <= 5 || std::abs(pos.x() - w.right()) <= 5;
            plot()->setCursor(edge              ? Qt::SizeHorCursor
                              : w.contains(pos) ? Qt::OpenHandCursor
                                                : Qt::CrossCursor);
        } else {
            plot()->setCursor(Qt::ArrowCursor);
        }
        return;
    }
    const double dx = pos.x() - m_pressPos.x();
    if (!m_dragged && std::abs(dx) + std::abs(pos.y() - m_pressPos.y()) < 4)
        return;
    m_dragged = true;
    if (m_drag == Drag::Pan) {
        const double width = std::max(1, plot()->axisRect()->width());
        const double dt = dx * (m_pressTo - m_pressFrom) / width;
        const double laneHeight =
            std::abs(plot()->yAxis->coordToPixel(1) - plot()->yAxis->coordToPixel(0));
        if (m_laneScroll->isVisible() && laneHeight > 0) {
            m_chart->setLaneTop(m_pressLaneTop - (pos.y() - m_pressPos.y()) / laneHeight);
        }
        setWindow(qint64(m_pressFrom - dt), qint64(m_pressTo - dt));
        return;
    }
    QCPAxis* ovx = m_chart->overviewRect()->axis(QCPAxis::atBottom);
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
        const qint64 t =
            qint64(m_chart->overviewRect()->axis(QCPAxis::atBottom)->pixelToCoord(pos.x()));
        const qint64 span = windowTo() - windowFrom();
        setWindow(t - span / 2, t - span / 2 + span);
    } else if (drag == Drag::Pan) {
        if (const int lane = m_chart->hiddenMarkAt(pos); lane >= 0) {
            m_chart->setLaneExpanded(lane, true); // "+N more": open the lane
        } else if (m_chart->lastFrameWasDensity()) {
            zoom(0.25, m_chart->timeAt(pos.x()));
        } else if (const Id id = m_chart->eventAt(pos)) {
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
    if (const Id id = m_chart->eventAt(event->position())) {
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
    QCPAxis* axis = m_chart->overviewRect()->rect().contains(pos.toPoint())
                        ? m_chart->overviewRect()->axis(QCPAxis::atBottom)
                        : plot()->xAxis;
    zoom(std::pow(0.8, steps), qint64(axis->pixelToCoord(pos.x())));
}

void TimelineView::scrollLanes(double lanes)
{
    if (!m_laneScroll->isVisible())
        return;
    m_chart->setLaneTop(m_chart->laneTop() + lanes);
}

void TimelineView::contextMenu(const QPoint& pos)
{
    m_contextLane = m_chart->laneAtY(pos.y());
    QMenu menu(this);
    if (m_contextLane >= 0) {
        const QString name = m_chart->lanes().laneAt(std::size_t(m_contextLane)).label;
        menu.addSection(name);
        const int lane = m_contextLane;
        menu.addAction(tr("Move Lane Up"), this, [this, lane] { moveLane(lane, lane - 1); })
            ->setEnabled(lane > 0);
        menu.addAction(tr("Move Lane Down"), this, [this, lane] { moveLane(lane, lane + 1); })
            ->setEnabled(lane + 1 < int(m_chart->lanes().laneCount()));
        menu.addAction(tr("Move Lane to Top"), this, [this, lane] { moveLane(lane, 0); })
            ->setEnabled(lane > 0);
        menu.addSeparator();
    }
    menu.addActions(actions());
    menu.exec(plot()->mapToGlobal(pos));
    m_contextLane = -1;
}

} // namespace chronomap
