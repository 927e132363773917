#include "eventsplottable.h"

#include "query/selection.h"
#include "story/story.h"
#include "timelinestate.h"

#include <QDateTime>
#include <QImage>

#include <cmath>

namespace chronomap {

namespace {

constexpr double kMarker = 5; // half width of a point event's diamond

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

// The pen that says how far an event has been checked.
QPen statusPen(const QColor& base, Verification status, bool emphasised, const ChartTheme& theme)
{
    // On a dark background the outline is lighter than the fill, not darker.
    QPen pen(theme.dark ? base.lighter(140) : base.darker(150),
             (emphasised ? 2.5 : 1.0) * theme.lineScale);
    switch (status) {
    case Verification::Draft:
        // Dotted, not dashed: a row of dashes beside a label reads as a line of text (OCR
        // dropped whole labels beside dashed boxes) and is busier to the eye.
        pen.setStyle(Qt::DotLine);
        break;
    case Verification::Cleared:
        pen.setWidthF((emphasised ? 3.0 : 2.0) * theme.lineScale);
        break;
    case Verification::Confirmed:
    case Verification::Disputed:
        break;
    }
    return pen;
}

} // namespace

EventsPlottable::EventsPlottable(TimelineState* state, QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis), m_state(state)
{
    setAntialiased(false);
}

double EventsPlottable::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1; // the view does its own hit testing on the last frame
}

QCPRange EventsPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    const TimeIndex& index = m_state->story->timeIndex();
    foundRange = !index.empty();
    return QCPRange(double(index.minTime()), double(index.maxTime()));
}

QCPRange EventsPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = true;
    return QCPRange(0, double(std::max<std::size_t>(1, m_state->layout.laneCount())));
}

void EventsPlottable::drawLegendIcon(QCPPainter*, const QRectF&) const {}

double EventsPlottable::px(qint64 t) const
{
    // Far-off instants are clamped so the painter never sees huge coordinates.
    const double x = mKeyAxis->coordToPixel(double(t));
    const QRectF& r = m_state->plotRect;
    return std::clamp(x, r.left() - 200, r.right() + 200);
}

double EventsPlottable::laneTop(int position) const
{
    return mValueAxis->coordToPixel(m_state->laneCoord(position));
}

void EventsPlottable::draw(QCPPainter* painter)
{
    TimelineState& s = *m_state;
    const QCPRange range = mKeyAxis->range();
    s.plotRect = QRectF(mKeyAxis->axisRect()->rect());
    s.from = qint64(std::floor(range.lower));
    s.to = qint64(std::ceil(range.upper));
    s.placed.clear();
    s.hidden.clear();
    s.counts.clear();
    s.titlesMissing = false;
    const int lanes = int(s.layout.laneCount());
    const QCPRange lanesRange = mValueAxis->range();
    const int first = std::clamp(s.laneAtCoord(lanesRange.lower), 0, lanes);
    const int last = std::clamp(s.laneAtCoord(lanesRange.upper - 1e-9) + 1, 0, lanes);
    s.firstLane = first;
    s.todayLane = first;

    // Level of detail: count what is visible lane by lane (two binary searches each), then
    // draw boxes only if there are few enough to read.
    qint64 visible = 0;
    for (int p = first; p < last; ++p)
        visible += LaneLayout::countOverlapping(s.layout.laneAt(std::size_t(p)), s.from, s.to);
    s.visibleEvents = int(std::min<qint64>(visible, std::numeric_limits<int>::max()));
    s.density = visible > s.detailLimit;

    painter->save();
    painter->setClipRect(s.plotRect);
    drawLanes(painter, first, last);
    if (s.density)
        drawDensity(painter, first, last);
    drawEras(painter, false);
    // The "Today" line under the events: it no longer runs through their labels (each on its
    // plate); its label, in the place the lanes kept for it, comes last.
    drawToday(painter, false);
    if (!s.density)
        drawDetail(painter, first, last);
    // Era names after the events, where no event's box or label is: in a corner of the era.
    drawEras(painter, true);
    drawToday(painter, true);
    painter->restore();
    s.firstPass.generation = -1; // this frame's only
    s.firstPass.lanes.clear();

    if (s.titlesMissing && !s.oneShot)
        parentPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void EventsPlottable::drawLanes(QCPPainter* painter, int first, int last)
{
    // Opaque fills: the raster engine writes them without blending.
    const QRectF& r = m_state->plotRect;
    const ChartTheme& theme = m_state->theme;
    for (int p = first; p < last; ++p)
        if (p % 2 == 1)
            painter->fillRect(QRectF(r.left(), laneTop(p), r.width(), laneTop(p + 1) - laneTop(p)),
                              theme.panel);
    painter->setPen(QPen(theme.grid, 1));
    for (int p = first + 1; p < last; ++p)
        painter->drawLine(QLineF(r.left(), laneTop(p), r.right(), laneTop(p)));
}

void EventsPlottable::drawEras(QCPPainter* painter, bool titles)
{
    const QRectF& r = m_state->plotRect;
    painter->setFont(m_state->labelFont);
    for (const Era& era : m_state->eras) {
        // An open end ("2025-01/..") runs on past the window.
        const bool openStart = era.date.flags() & DateFlag::OpenStart;
        const bool openEnd = era.date.flags() & DateFlag::OpenEnd;
        if (!era.date.isValid() || (!openEnd && era.date.latest() < m_state->from) ||
            (!openStart && era.date.earliest() > m_state->to))
            continue;
        const double x0 = openStart ? r.left() : std::max(px(era.date.nominalStart()), r.left());
        const double x1 = openEnd ? r.right() : std::min(px(era.date.nominalEnd()), r.right());
        const QColor color = era.color.isValid() && !m_state->theme.greyscale
                                 ? era.color
                                 : m_state->theme.categoryColor(4);
        if (!titles) {
            painter->fillRect(QRectF(x0, r.top(), x1 - x0, r.height()), withAlpha(color, 0.08));
            continue;
        }
        painter->setPen(
            QPen(withAlpha(m_state->theme.dark ? color.lighter(150) : color.darker(160), 0.9)));
        const QString text =
            painter->fontMetrics().elidedText(era.title, Qt::ElideRight, int(x1 - x0 - 8));
        const double w = painter->fontMetrics().horizontalAdvance(text) + 2;
        // Bottom left, bottom right, top left of the era's band: the first no event uses
        // (the "Today" label included).
        QRectF today;
        const bool hasToday =
            m_state->todayLabel(r, mKeyAxis->range().lower, mKeyAxis->range().upper, &today);
        const QRectF spots[3] = {QRectF(x0 + 4, r.bottom() - 18, w, 16),
                                 QRectF(x1 - 4 - w, r.bottom() - 18, w, 16),
                                 QRectF(x0 + 4, r.top() + 1, w, 16)};
        for (const QRectF& spot : spots) {
            bool free =
                !text.isEmpty() && x1 - x0 - 8 >= w - 2 && !(hasToday && spot.intersects(today));
            for (const TimelineState::Placed& p : m_state->placed)
                free = free && !p.box.intersects(spot) && !p.label.intersects(spot);
            if (!free)
                continue;
            painter->drawText(spot, Qt::AlignLeft | Qt::AlignVCenter, text);
            break;
        }
    }
}

void EventsPlottable::drawDensity(QCPPainter* painter, int first, int last)
{
    TimelineState& s = *m_state;
    const QRectF& r = s.plotRect;
    const int columns = std::max(1, int(r.width()));
    s.counts.resize(std::size_t(last - first));
    int maxCount = 1;
    for (int p = first; p < last; ++p) {
        auto& counts = s.counts[std::size_t(p - first)];
        LaneLayout::countColumns(s.layout.laneAt(std::size_t(p)), s.from, s.to, columns, counts);
        maxCount = std::max(maxCount, *std::max_element(counts.begin(), counts.end()));
    }
    const bool dimmed = !s.highlight.isEmpty();
    const double norm = 1.0 / std::log1p(double(maxCount));
    // One opaque pixel per column and lane, blended over the lane's band colour here, then
    // stretched to the lane's height: one blit per lane and nothing blended by the painter.
    QImage image(columns, std::max(1, last - first), QImage::Format_RGB32);
    for (int p = first; p < last; ++p) {
        const auto& lane = s.layout.laneAt(std::size_t(p));
        const QColor base = s.laneColor(lane);
        const QColor bandColor = p % 2 == 1 ? s.theme.panel : s.theme.background;
        const int bgR = bandColor.red(), bgG = bandColor.green(), bgB = bandColor.blue();
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(p - first));
        const auto& counts = s.counts[std::size_t(p - first)];
        for (int c = 0; c < columns; ++c) {
            const int n = counts[std::size_t(c)];
            if (!n) {
                line[c] = qRgb(bgR, bgG, bgB);
                continue;
            }
            double a = 0.18 + 0.82 * std::log1p(double(n)) * norm;
            if (dimmed)
                a *= 0.35;
            line[c] = qRgb(int(bgR + (base.red() - bgR) * a), int(bgG + (base.green() - bgG) * a),
                           int(bgB + (base.blue() - bgB) * a));
        }
    }
    for (int p = first; p < last; ++p) {
        const double top = laneTop(p), bottom = laneTop(p + 1);
        const double pad = std::min(3.0, (bottom - top) / 6);
        const QRectF band(r.left(), std::round(top + pad), columns,
                          std::round(bottom - pad) - std::round(top + pad));
        painter->drawImage(band, image, QRectF(0, p - first, columns, 1));
        if (s.markUnverified)
            hatchUnverifiedColumns(painter, p, band);
    }
}

void EventsPlottable::hatchUnverifiedColumns(QCPPainter* painter, int position, const QRectF& band)
{
    // Publish-safe marking where events are counted, not drawn: the columns that count an
    // event not cleared for publication are hatched, as its box would be. Export only, so
    // one walk over the lane's events in the window is affordable.
    const TimelineState& s = *m_state;
    const TimeIndex& index = s.story->timeIndex();
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    const auto flags = index.flags();
    const auto& lane = s.layout.laneAt(std::size_t(position));
    const int columns = std::max(1, int(band.width()));
    const double step = double(s.to - s.from) / columns;
    if (step <= 0)
        return;
    std::vector<int> diff(std::size_t(columns) + 1, 0);
    const auto [a, b] = LaneLayout::candidates(lane, s.from, s.to);
    for (std::size_t i = a; i < b; ++i) {
        const quint32 row = lane.rows[i];
        if (latest[row] < s.from || TimeIndex::statusOf(flags[row]) == Verification::Cleared)
            continue;
        const int c0 = std::clamp(int((earliest[row] - s.from) / step), 0, columns - 1);
        const int c1 = std::clamp(int((latest[row] - s.from) / step), 0, columns - 1);
        ++diff[std::size_t(c0)];
        --diff[std::size_t(c1) + 1];
    }
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(
        QBrush(withAlpha(s.theme.text, s.highlight.isEmpty() ? 0.8 : 0.3), Qt::BDiagPattern));
    int running = 0, start = -1;
    for (int c = 0; c <= columns; ++c) {
        running += c < columns ? diff[std::size_t(c)] : 0;
        const bool marked = c < columns && running > 0;
        if (marked && start < 0)
            start = c;
        if (!marked && start >= 0) {
            painter->drawRect(QRectF(band.left() + start, band.top(), c - start, band.height()));
            start = -1;
        }
    }
    painter->restore();
}

void EventsPlottable::drawDetail(QCPPainter* painter, int first, int last)
{
    TimelineState& s = *m_state;
    const TimeIndex& index = s.story->timeIndex();
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    const auto flags = index.flags();
    const auto ids = index.ids();
    const QRectF& r = s.plotRect;
    int budget = s.titleBudget;
    const bool dimming = !s.highlight.isEmpty();
    const QFontMetricsF metrics(s.labelFont);
    QFont badgeFont = s.labelFont;
    badgeFont.setPixelSize(std::max(8, s.labelFont.pixelSize() - 2));
    badgeFont.setBold(true);
    QFont markFont = s.labelFont;
    markFont.setBold(true);

    struct Pending
    {
        std::size_t placed;
        QColor color;
        QString text; // set when the prepared title is not drawn as it is (shortened, tagged)
        QColor plate; // drawn behind the label when valid
        bool bold = false;
        int lines = 1; // a wrapped label: one line per sub-row
    };
    const ChartTheme& theme = s.theme;
    std::vector<Pending> labels;
    const QCPRange range = mKeyAxis->range();

    for (int p = first; p < last; ++p) {
        const LaneLayout::Lane& lane = s.layout.laneAt(std::size_t(p));
        const double top = laneTop(p), bottom = laneTop(p + 1);
        const double laneHeight = bottom - top;
        const double baseRowHeight = std::min(s.rowHeight(), laneHeight - 2);
        double rowHeight = baseRowHeight;
        int subRows = std::max(1, int((laneHeight - 2) / rowHeight));
        const bool withLabels = rowHeight >= 14;
        // The placement that sized the lanes, when this lane got every sub-row it asked for.
        const TimelineState::FirstPass& cache = s.firstPass;
        const bool cached =
            withLabels && cache.generation == s.generation && cache.todayLane == s.todayLane &&
            cache.lower == range.lower && cache.upper == range.upper && cache.plot == r &&
            std::size_t(p) < cache.lanes.size() && !cache.lanes[std::size_t(p)].provisional &&
            cache.lanes[std::size_t(p)].hiddenCount == 0 &&
            cache.lanes[std::size_t(p)].rowsUsed <= subRows;
        if (cached) {
            // A lane with height to spare spreads its sub-rows (up to half as tall again):
            // lines of type packed tight in a tall band are harder to tell apart, for people
            // and for OCR alike.
            const int rows = std::max(1, cache.lanes[std::size_t(p)].rowsUsed);
            rowHeight = std::clamp((laneHeight - 2) / rows, baseRowHeight, baseRowHeight * 1.5);
            subRows = std::max(rows, int((laneHeight - 2) / rowHeight));
        }
        const double y0 = top + (laneHeight - subRows * rowHeight) / 2;
        const TimelineState::LaneSlots placement =
            cached ? cache.lanes[std::size_t(p)]
                   : s.placeLane(p, subRows, r, range.lower, range.upper, withLabels, budget);
        for (const TimelineState::Slot& slot : placement.items) {
            if (slot.sub < 0)
                continue;
            const quint32 row = slot.row;
            const Id id = ids[row];
            const quint32 f = flags[row];
            const double e0 = px(earliest[row]), e1 = px(latest[row]);
            const double left = slot.left, right = slot.right, cx = slot.cx;
            const double x0 = slot.x0, x1 = slot.x1;
            const bool point = slot.point;
            const bool marked = slot.marked;
            const Verification status = TimeIndex::statusOf(f);
            const double rowTop = y0 + slot.sub * rowHeight;
            const auto startPrecision = DatePrecision(f & DateFlag::StartPrecisionMask);
            const auto endPrecision =
                DatePrecision((f & DateFlag::EndPrecisionMask) >> DateFlag::EndPrecisionShift);
            // Month or year precision: the box fades at the end that is not known exactly.
            const bool softStart = !point && startPrecision < DatePrecision::Day;
            const bool softEnd =
                !point && ((f & DateFlag::Range) ? endPrecision < DatePrecision::Day : softStart);
            const bool soft = softStart || softEnd;
            TimelineState::Placed placed{id, row, p, QRectF(x0, rowTop, x1 - x0, rowHeight), {}};
            QString labelText;
            bool plate = false;
            if (slot.hasLabel) {
                labelText = slot.text;
                placed.label = QRectF(slot.labelX, rowTop, slot.labelWidth, rowHeight * slot.lines);
                placed.shortened = slot.elided;
                // Over whiskers, hatching or a fading box the label sits on a plate of the
                // lane's colour: text over a gradient is hard to read, for people and OCR.
                plate = !slot.inside || marked || soft;
            }

            // The marks.
            const QColor base = s.colorOf(lane, row);
            const bool emphasised = dimming && s.highlight.contains(id);
            const double alpha = dimming && !emphasised ? 0.22 : 1.0;
            QPen pen = statusPen(base, status, emphasised, theme);
            // Emphasised (a scene's story point, a picked actor's events): ringed in the text
            // colour, as the actor map rings its highlighted actors.
            pen.setColor(emphasised ? theme.text : withAlpha(pen.color(), alpha));
            const double mid = rowTop + rowHeight / 2;
            const double h = baseRowHeight - 6;
            const QRectF box(left, mid - h / 2, right - left, h);

            // Whiskers: the span the date could also mean beyond its nominal one.
            if (e0 < left - 1 || e1 > right + 1) {
                painter->setPen(
                    QPen(withAlpha(theme.dark ? base.lighter(130) : base.darker(130), 0.85 * alpha),
                         s.line(1)));
                if (e0 < left - 1) {
                    painter->drawLine(QLineF(e0, mid, left, mid));
                    painter->drawLine(QLineF(e0, mid - 4, e0, mid + 4));
                }
                if (e1 > right + 1) {
                    painter->drawLine(QLineF(right, mid, e1, mid));
                    painter->drawLine(QLineF(e1, mid - 4, e1, mid + 4));
                }
            }
            if (point) {
                const QPointF diamond[4] = {{cx, mid - kMarker - 1},
                                            {cx + kMarker, mid},
                                            {cx, mid + kMarker + 1},
                                            {cx - kMarker, mid}};
                painter->setBrush(withAlpha(base, 0.9 * alpha));
                painter->setPen(pen);
                painter->drawConvexPolygon(diamond, 4);
            } else {
                const QColor fill = withAlpha(base, 0.42 * alpha);
                if (soft) {
                    QLinearGradient g(box.left(), 0, box.right(), 0);
                    const double fade = std::min(0.35, 70.0 / std::max(1.0, box.width()));
                    g.setColorAt(0, softStart ? withAlpha(base, 0.04 * alpha) : fill);
                    g.setColorAt(fade, fill);
                    g.setColorAt(1 - fade, fill);
                    g.setColorAt(1, softEnd ? withAlpha(base, 0.04 * alpha) : fill);
                    fillGradient(painter, box, g);
                    painter->setPen(pen);
                    painter->drawLine(QLineF(box.topLeft(), box.topRight()));
                    painter->drawLine(QLineF(box.bottomLeft(), box.bottomRight()));
                    if (!softStart)
                        painter->drawLine(QLineF(box.topLeft(), box.bottomLeft()));
                    if (!softEnd)
                        painter->drawLine(QLineF(box.topRight(), box.bottomRight()));
                } else {
                    painter->setBrush(fill);
                    painter->setPen(pen);
                    painter->drawRect(box);
                }
            }
            // Badges: "?" for a year the source does not state, a dot for a disputed entry.
            if (f & (DateFlag::YearInferred | DateFlag::Uncertain)) {
                painter->setFont(badgeFont);
                painter->setPen(
                    withAlpha(theme.dark ? base.lighter(170) : base.darker(170), alpha));
                const double bx = std::max(left, r.left()) - (point ? 9 : 0);
                painter->drawText(QRectF(bx + (point ? 0 : 2), mid - h / 2 - 4, 10, 11), Qt::AlignCenter,
                                  QStringLiteral("?"));
            }
            if (status == Verification::Disputed) {
                painter->setRenderHint(QPainter::Antialiasing, true);
                painter->setPen(QPen(theme.background, 1));
                painter->setBrush(withAlpha(theme.disputed, alpha));
                painter->drawEllipse(QPointF(std::min(right, r.right() - 4), mid - h / 2), 4, 4);
                painter->setRenderHint(QPainter::Antialiasing, false);
            }
            if (marked) {
                // Not cleared for publication: hatched over, so it reads even in grey.
                painter->setPen(Qt::NoPen);
                // Dimmed with the box, so a scene's highlight still stands out.
                painter->setBrush(QBrush(withAlpha(theme.text, alpha), Qt::BDiagPattern));
                painter->drawRect(
                    point ? QRectF(cx - kMarker, mid - kMarker, 2 * kMarker, 2 * kMarker) : box);
            }
            s.placed.push_back(placed);
            if (!placed.label.isEmpty())
                labels.push_back({s.placed.size() - 1, withAlpha(theme.text, alpha), labelText,
                                  plate
                                      ? withAlpha(p % 2 == 1 ? theme.panel : theme.background, 0.85)
                                      : QColor(),
                                  slot.bold, slot.lines});
        }
        // "+N more" where a lane has no sub-row left for some of its events: a click on it
        // opens the lane.
        if (!placement.marks.empty()) {
            painter->setFont(markFont);
            for (const TimelineState::Mark& m : placement.marks) {
                const double markTop = y0 + std::min(m.sub, subRows - 1) * rowHeight;
                const QRectF rect(m.x, markTop + 2, m.width, rowHeight - 4);
                painter->setPen(QPen(theme.mutedText, s.line(1)));
                painter->setBrush(p % 2 == 1 ? theme.background : theme.panel);
                painter->drawRoundedRect(rect, 4, 4);
                painter->setPen(theme.text);
                painter->drawText(rect, Qt::AlignCenter, TimelineState::moreText(m.count));
                s.hidden.push_back({p, m.count, rect});
            }
        }
    }
    // Labels last, above every box. The two faces made once per frame, not once per label:
    // each QFont copy changed to bold is a font lookup of its own.
    painter->setFont(s.labelFont);
    QFont regularFont = s.labelFont, boldFont = s.labelFont;
    regularFont.setBold(false);
    boldFont.setBold(true);
    for (const Pending& l : labels) {
        const TimelineState::Placed& placed = s.placed[l.placed];
        const QStringList lines = l.lines > 1 ? l.text.split(u'\n') : QStringList{l.text};
        const double lineHeight = placed.label.height() / std::max<qsizetype>(1, lines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            // A wrapped label's plate is as wide as each of its lines, not the widest.
            const double width = lines.size() > 1 ? s.textWidth(lines[i], l.bold)
                                                  : placed.label.width();
            const QRectF line(placed.label.left(), placed.label.top() + double(i) * lineHeight,
                              width, lineHeight);
            if (l.plate.isValid()) {
                const double h = metrics.height();
                painter->fillRect(line.adjusted(-2, 0, 2, 0)
                                      .intersected(QRectF(r.left(), line.center().y() - h / 2 - 1,
                                                          r.width(), h + 2)),
                                  l.plate);
            }
            painter->setPen(l.color);
            if (!l.text.isEmpty()) {
                painter->setFont(l.bold ? boldFont : regularFont);
                // Centred in its row, prepared once (no text layout per label and frame).
                const QStaticText& text = s.lineText(lines[i], l.bold);
                painter->drawStaticText(
                    QPointF(line.left(), line.center().y() - text.size().height() / 2), text);
                painter->setFont(s.labelFont);
            }
        }
        if (!l.text.isEmpty())
            continue;
        const auto it = s.titles.constFind(placed.id);
        if (it == s.titles.cend())
            continue;
        const double y = placed.label.top() + (placed.label.height() - it->size().height()) / 2;
        painter->drawStaticText(QPointF(placed.label.left(), y), *it);
    }
}

void EventsPlottable::drawToday(QCPPainter* painter, bool withLabel)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now < m_state->from || now > m_state->to)
        return;
    const QRectF& r = m_state->plotRect;
    const double x = px(now);
    painter->setPen(QPen(m_state->theme.today, m_state->line(1.5), Qt::DashLine));
    if (!withLabel) {
        painter->drawLine(QLineF(x, r.top(), x, r.bottom()));
        return;
    }
    painter->setFont(m_state->labelFont);
    // Where the lanes' placement kept room for it (the top lane's first sub-row).
    const QCPRange range = mKeyAxis->range();
    QRectF label;
    if (!m_state->todayLabel(r, range.lower, range.upper, &label))
        return;
    const bool before = label.right() < x;
    painter->drawText(label, (before ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                      TimelineState::todayText());
}

} // namespace chronomap
