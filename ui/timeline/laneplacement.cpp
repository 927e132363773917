// TimelineState::placeLane: where the events of one lane go in a detail frame. One function
// for the lane heights the chart asks for and for the frame that draws them, so a lane is
// given exactly the sub-rows its drawing needs.
#include "timelinestate.h"

#include "story/story.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

namespace chronomap {

namespace {

constexpr double kGap = 6;    // between neighbours in a sub-row
constexpr double kMarker = 5; // half width of a point event's diamond
// Between a box and its label beside it: air enough that the mark does not read as a letter
// (nor as part of the line of text, for people or OCR).
constexpr double kLabelGap = 10;
// A label whose title is not read yet is reserved this much room when lanes are sized.
constexpr double kUnreadLabel = 170;
// A title too long for its room is wrapped onto at most this many lines.
constexpr int kMaxLabelLines = 3;

// `text` broken at spaces into lines no wider than `width` (a word wider than that is broken
// within), measured by `advance`. More lines than `maxLines`: empty, or with `cut`, the first
// lines and the last shortened with "…" by `elide` (*shortened then true). `*lo`, `*hi`: every
// width in [lo, hi) breaks the text into the same lines (each test against `width` goes the
// same way), so a cache can answer for all of them. `*widest`: the widest line's advance, as
// the sum of its words and spaces (a line's own advance, shaped, is the same: see
// tst_drawcaches' wrappedTitleWidthIsItsLinesOwn) or, for a shortened line, measured.
QStringList wrapLines(const QString& text, const std::function<double(const QString&)>& advance,
                      const std::function<QString(const QString&)>& elide, double width,
                      int maxLines, bool cut, bool* shortened, double* lo, double* hi,
                      double* widest)
{
    *lo = -std::numeric_limits<double>::infinity();
    *hi = std::numeric_limits<double>::infinity();
    // x <= width, noting which way it went.
    auto within = [&](double x) {
        if (x <= width) {
            *lo = std::max(*lo, x);
            return true;
        }
        *hi = std::min(*hi, x);
        return false;
    };
    QStringList lines;
    std::vector<double> widths; // of `lines`
    QString line;
    // Each word measured once, a line's width the sum of its words and spaces (shaping every
    // new line again cost most of a frame that met new rooms).
    const double space = advance(QStringLiteral(" "));
    double lineWidth = 0;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (QString word : words) {
        const double wordWidth = advance(word);
        const double joinedWidth = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
        if (within(joinedWidth)) {
            line = line.isEmpty() ? word : line + u' ' + word;
            lineWidth = joinedWidth;
            continue;
        }
        if (!line.isEmpty()) {
            lines << line;
            widths.push_back(lineWidth);
        }
        line.clear();
        // A word wider than the room: as much of it as fits on each line.
        while (word.size() > 1 && !within(advance(word))) {
            qsizetype n = word.size() - 1;
            while (n > 1 && !within(advance(word.left(n))))
                --n;
            lines << word.left(n);
            widths.push_back(advance(word.left(n)));
            word = word.mid(n);
        }
        line = word;
        lineWidth = advance(word);
    }
    if (!line.isEmpty()) {
        lines << line;
        widths.push_back(lineWidth);
    }
    *shortened = false;
    *widest = 0;
    if (lines.size() <= maxLines) {
        for (double w : widths)
            *widest = std::max(*widest, w);
        return lines;
    }
    if (!cut)
        return {};
    const QString rest = lines.mid(maxLines - 1).join(u' ');
    lines = lines.mid(0, maxLines - 1);
    lines << elide(rest);
    for (int i = 0; i < maxLines - 1; ++i)
        *widest = std::max(*widest, widths[std::size_t(i)]);
    *widest = std::max(*widest, advance(lines.last()));
    *shortened = true;
    return lines;
}

// Caches hold this many texts at most (then start again): a story's titles at a few widths.
constexpr qsizetype kMaxMeasured = 20000;

} // namespace

double TimelineState::textWidth(const QString& text, bool bold)
{
    if (measured.font != labelFont) {
        measured = MeasureCache{};
        measured.font = labelFont;
    }
    QHash<QString, double>& widths = measured.widths[bold ? 1 : 0];
    if (const auto it = widths.constFind(text); it != widths.cend())
        return *it;
    QFont font = labelFont;
    font.setBold(bold);
    if (widths.size() > kMaxMeasured)
        widths.clear();
    return *widths.insert(text, QFontMetricsF(font).horizontalAdvance(text));
}

const TimelineState::WrappedText& TimelineState::wrapText(const QString& text, bool bold,
                                                          double width, int maxLines, bool cut)
{
    textWidth(QString(), bold); // empties the caches if the type changed
    // The room changes with every zoom step, the lines far less often: each text keeps the
    // width ranges it was wrapped for, and a room inside one of them is answered from it.
    auto& known = measured.wrapped[bold ? 1 : 0];
    if (known.size() > kMaxMeasured)
        known.clear();
    std::vector<MeasureCache::Wrapped>& ranges =
        known[QString::number(maxLines) + (cut ? u'c' : u'w') + text];
    for (const MeasureCache::Wrapped& r : ranges)
        if (r.lo <= width && width < r.hi)
            return r.text;
    QFont font = labelFont;
    font.setBold(bold);
    const QFontMetricsF metrics(font);
    auto& elisions = measured.elided[bold ? 1 : 0];
    if (elisions.size() > kMaxMeasured)
        elisions.clear();
    // Qt's elision keeps a longer start of the text the wider the room (never a shorter one):
    // two rooms cut the same way bracket every room between them.
    auto elide = [&](const QString& rest) {
        std::map<double, QString>& cuts = elisions[rest];
        const auto above = cuts.lower_bound(width);
        if (above != cuts.end() && above->first == width)
            return above->second;
        if (above != cuts.end() && above != cuts.begin() && std::prev(above)->second == above->second)
            return above->second;
        return cuts.emplace_hint(above, width, metrics.elidedText(rest, Qt::ElideRight, width))
            ->second;
    };
    MeasureCache::Wrapped entry;
    WrappedText& out = entry.text;
    out.lines = wrapLines(
        text, [&](const QString& s) { return textWidth(s, bold); }, elide, width, maxLines, cut,
        &out.shortened, &entry.lo, &entry.hi, &out.width);
    // A shortened last line depends on the room itself: kept for this room only.
    if (out.shortened) {
        entry.lo = width;
        entry.hi = std::nextafter(width, std::numeric_limits<double>::infinity());
    }
    if (ranges.size() >= 32)
        ranges.clear();
    ranges.push_back(std::move(entry));
    return ranges.back().text;
}

double TimelineState::maxLabelWidth() const
{
    // 340 pixels at the window's 12-pixel type; wider with larger type.
    return 340.0 * std::max(1, labelFont.pixelSize()) / 12.0;
}

double TimelineState::rowHeight(bool compact) const
{
    const double type = std::ceil(QFontMetricsF(labelFont).height());
    return compact ? std::max(kCompactRowHeight, type + 2) : std::max(kRowHeight, type + 5);
}

bool TimelineState::todayLabel(const QRectF& r, double lower, double upper, QRectF* rect) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (double(now) < lower || double(now) > upper || upper <= lower)
        return false;
    const double x = r.left() + (double(now) - lower) * r.width() / (upper - lower);
    // Right of the line, or left of it where the plot ends first: never cut at the edge.
    const QFontMetricsF metrics(labelFont);
    const double w = metrics.horizontalAdvance(todayText()) + 2;
    const double h = metrics.height() + 2;
    const bool before = x + 3 + w > r.right() - 2;
    *rect = QRectF(before ? x - 3 - w : x + 3, r.top() + 1, w, h);
    return true;
}

QString TimelineState::todayText()
{
    return QCoreApplication::translate("chronomap::EventsPlottable", "Today");
}

QString TimelineState::moreText(int n)
{
    return QCoreApplication::translate("chronomap::EventsPlottable", "+%n more", nullptr, n);
}

TimelineState::LaneSlots TimelineState::placeLane(int position, int maxRows, const QRectF& r,
                                                  double lower, double upper, bool withLabels,
                                                  int& budget)
{
    // Titles on one line wherever the room allows; or so, but wrapped where one line would
    // open a sub-row of its own; or wrapped once wider than maxLabelWidth(): the first reads
    // best, the others may stack a busy lane in fewer sub-rows. The lane takes whichever
    // hides fewer events, then needs fewer sub-rows (the first on a tie).
    return placeLane(position, maxRows, r, lower, upper, withLabels,
                     placeLane(position, maxRows, r, lower, upper, withLabels, r.width(), true,
                               false, budget),
                     budget);
}

TimelineState::LaneSlots TimelineState::placeLane(int position, int maxRows, const QRectF& r,
                                                  double lower, double upper, bool withLabels,
                                                  LaneSlots plain, int& budget)
{
    LaneSlots out = std::move(plain);
    if (!withLabels)
        return out;
    auto better = [](const LaneSlots& a, const LaneSlots& b) {
        return a.hiddenCount != b.hiddenCount ? a.hiddenCount < b.hiddenCount
                                              : a.rowsUsed < b.rowsUsed;
    };
    if (out.hiddenCount > 0 || out.rowsUsed > 1) {
        // Wrapped only where a title would otherwise open a sub-row of its own.
        LaneSlots thrifty = placeLane(position, maxRows, r, lower, upper, withLabels, r.width(),
                                      true, true, budget);
        if (better(thrifty, out))
            out = std::move(thrifty);
    }
    if (r.width() > maxLabelWidth() && (out.hiddenCount > 0 || out.rowsUsed > 1)) {
        LaneSlots narrow = placeLane(position, maxRows, r, lower, upper, withLabels,
                                     maxLabelWidth(), true, false, budget);
        if (better(narrow, out))
            out = std::move(narrow);
    }
    if (maxRows == 0 || out.hiddenCount == 0)
        return out;
    // A lane with too few sub-rows for the wrapped titles: one line each (some shortened)
    // when that hides fewer events.
    LaneSlots oneLine = placeLane(position, maxRows, r, lower, upper, withLabels, r.width(), false,
                                  false, budget);
    return oneLine.hiddenCount < out.hiddenCount ? oneLine : out;
}

TimelineState::LaneSlots TimelineState::placeLane(int position, int maxRows, const QRectF& r,
                                                  double lower, double upper, bool withLabels,
                                                  double oneLineWidth, bool wrap, bool thrifty,
                                                  int& budget)
{
    LaneSlots out;
    const LaneLayout::Lane& lane = layout.laneAt(std::size_t(position));
    const TimeIndex& index = story->timeIndex();
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    const auto nominalStart = index.nominalStart();
    const auto nominalEnd = index.nominalEnd();
    const auto flags = index.flags();
    const auto ids = index.ids();
    const double span = std::max(1.0, upper - lower);
    auto px = [&](qint64 t) {
        const double x = r.left() + (double(t) - lower) * r.width() / span;
        return std::clamp(x, r.left() - 200, r.right() + 200);
    };
    const qint64 from = qint64(std::floor(lower)), to = qint64(std::ceil(upper));
    const QString unverifiedTag = QStringLiteral("\u26a0");
    const bool dimming = !highlight.isEmpty();
    const double maxWidth = maxLabelWidth();

    // What each sub-row holds, as [left, right] pixel spans (boxes with their labels).
    std::vector<std::vector<std::pair<double, double>>> taken;
    auto isFree = [&taken](int sub, double a, double b) {
        if (sub >= int(taken.size()))
            return true;
        for (const auto& [x, y] : taken[std::size_t(sub)])
            if (a < y + kGap && b + kGap > x)
                return false;
        return true;
    };
    auto take = [&taken](int sub, double a, double b) {
        if (sub >= int(taken.size()))
            taken.resize(std::size_t(sub) + 1);
        taken[std::size_t(sub)].emplace_back(a, b);
    };

    // The "Today" label at the top of the plot is in the top lane's first sub-row.
    QRectF today;
    if (withLabels && position == todayLane && todayLabel(r, lower, upper, &today))
        take(0, today.left(), today.right());

    const auto [a, b] = LaneLayout::candidates(lane, from, to);
    // Highlighted events (a picked actor's, a scene's) claim rows and labels first.
    std::vector<std::size_t> order;
    for (int pass = dimming ? 0 : 1; pass < 2; ++pass)
        for (std::size_t i = a; i < b; ++i)
            if (!dimming || (pass == 0) == highlight.contains(ids[lane.rows[i]]))
                order.push_back(i);

    // Placed with every sub-row there is; the "+N more" marks then find room in the last.
    const int limit = maxRows > 0 ? maxRows : std::numeric_limits<int>::max();
    {
        const int rows = limit;
        for (const std::size_t i : order) {
            const quint32 row = lane.rows[i];
            if (latest[row] < from)
                continue;
            Slot slot;
            slot.row = row;
            const Id id = ids[row];
            const quint32 f = flags[row];
            const double e0 = px(earliest[row]), e1 = px(latest[row]);
            const double n0 = px(nominalStart[row]), n1 = px(nominalEnd[row]);
            slot.point = n1 - n0 < 2 * kMarker;
            slot.cx = (n0 + n1) / 2;
            slot.left = slot.point ? slot.cx - kMarker : n0;
            slot.right = slot.point ? slot.cx + kMarker : n1;
            slot.x0 = std::min(e0, slot.left);
            slot.x1 = std::max(e1, slot.right);
            const Verification status = TimeIndex::statusOf(f);
            slot.marked = markUnverified && status != Verification::Cleared;
            // Emphasised (a scene's story point, a picked actor's events): its title in bold,
            // as the map writes its highlighted actors' names, measured as it is drawn.
            slot.bold = dimming && highlight.contains(id);

            // Where the label can go: inside the box if it fits there, after the box (over
            // the whiskers, on a plate), or before it, on one line; else wrapped onto two or
            // three lines after or before the box (the sub-rows below taken for them); cut
            // short only as a last resort. No label is wider than maxLabelWidth().
            struct Spot
            {
                double lx, w, from, to;
                bool elided, inside;
                int lines;
                QString text; // the lines, '\n' between them, when not the title as it is
            };
            std::vector<Spot> spots;
            QString fullText, text;
            double w = -1;
            std::function<void(bool)> addWrapped; // true: the cut ones
            if (withLabels) {
                if (const QStaticText* title = this->title(id, budget)) {
                    fullText =
                        slot.marked
                            ? QCoreApplication::translate("chronomap::EventsPlottable", "%1 %2")
                                  .arg(unverifiedTag, title->text())
                        : slot.bold ? title->text()
                                    : QString();
                    w = !fullText.isEmpty() ? textWidth(fullText, slot.bold)
                                            : title->size().width();
                    text = fullText.isEmpty() ? title->text() : fullText;
                } else if (maxRows == 0) {
                    w = kUnreadLabel; // sizing lanes before the title is read
                    out.provisional = true;
                }
            }
            if (w >= 0) {
                const double visLeft = std::max(slot.left, r.left()),
                             visRight = std::min(slot.right, r.right());
                const double edge = r.right() - 2;
                const double right = slot.right, left = slot.left;
                if (w <= oneLineWidth) {
                    if (!slot.point && visRight - visLeft >= w + 12)
                        spots.push_back(
                            {visLeft + 6, w, slot.x0, slot.x1, false, true, 1, fullText});
                    if (right + kLabelGap + w <= edge)
                        spots.push_back({right + kLabelGap, w, slot.x0, std::max(slot.x1, right + kLabelGap + w),
                                         false, false, 1, fullText});
                    if (left - kLabelGap - w >= r.left() + 2)
                        spots.push_back({left - kLabelGap - w, w, std::min(slot.x0, left - kLabelGap - w), slot.x1,
                                         false, false, 1, fullText});
                }
                // Wrapped (or, last, cut) inside a long box (the lines below it, under the
                // box), after the box or before it, no wider than the room: measured only
                // when no one-line placement fits, since most titles fit whole.
                addWrapped = [&, visLeft, visRight, edge, right, left](bool cutOnes) {
                    const std::ptrdiff_t first = std::ptrdiff_t(spots.size());
                    if (!text.isEmpty()) {
                        enum Where
                        {
                            Inside,
                            After,
                            Before
                        };
                        const double rooms[] = {
                            slot.point ? 0 : std::min(visRight - visLeft - 12, maxWidth),
                            std::min(edge - (right + kLabelGap), maxWidth),
                            std::min(left - kLabelGap - (r.left() + 2), maxWidth)};
                        const double wideRooms[] = {
                            slot.point ? 0 : std::min(visRight - visLeft - 12, oneLineWidth),
                            std::min(edge - (right + kLabelGap), oneLineWidth),
                            std::min(left - kLabelGap - (r.left() + 2), oneLineWidth)};
                        const std::pair<bool, int> kinds[] = {
                            {false, kMaxLabelLines}, {true, kMaxLabelLines}, {true, 1}};
                        // Wrapped beside the box before inside it: a first line on the box
                        // and the rest under it read as two labels.
                        constexpr Where wrappedOrder[] = {After, Before, Inside};
                        constexpr Where lineOrder[] = {Inside, After, Before};
                        for (const auto& [cut, maxLines] : kinds)
                            for (const Where where : maxLines > 1 ? wrappedOrder : lineOrder) {
                                if (cut != cutOnes || (!wrap && maxLines > 1))
                                    continue;
                                // A title cut on one line may be as wide as a whole one.
                                const double room =
                                    maxLines == 1 ? wideRooms[where] : rooms[where];
                                if (room < std::min(w, 48.0))
                                    continue;
                                const WrappedText& wrapped =
                                    wrapText(text, slot.bold, room, maxLines, cut);
                                const QStringList& lines = wrapped.lines;
                                if (lines.isEmpty() || wrapped.shortened != cut)
                                    continue;
                                const double lw = wrapped.width;
                                const double lx = where == Inside  ? visLeft + 6
                                                  : where == After ? right + kLabelGap
                                                                   : left - kLabelGap - lw;
                                spots.push_back(
                                    {lx, lw, std::min(slot.x0, lx), std::max(slot.x1, lx + lw), cut,
                                     where == Inside, int(lines.size()),
                                     lines.size() > 1 || cut ? lines.join(u'\n') : fullText});
                            }
                        // Shortened, the title keeps as much of itself as a place allows: a
                        // line after the box before a short box's inside.
                        if (cutOnes)
                            std::stable_sort(spots.begin() + first, spots.end(),
                                             [](const Spot& x, const Spot& y) {
                                                 return x.text.size() - x.lines >
                                                        y.text.size() - y.lines;
                                             });
                    }
                };
            }
            // A spot in sub-row `sub`: its box row, and the label's further lines below.
            auto fits = [&](const Spot& spot, int sub) {
                if (sub + spot.lines > rows || !isFree(sub, spot.from, spot.to))
                    return false;
                for (int line = 1; line < spot.lines; ++line)
                    if (!isFree(sub + line, spot.lx, spot.lx + spot.w))
                        return false;
                return true;
            };
            constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
            std::size_t found = kNone; // in `spots` (which addWrapped() may grow)
            int k = -1;
            // The whole title on one line in any sub-row, then wrapped, then a shortened one.
            for (int pass = 0; pass < 3 && found == kNone; ++pass) {
                // The cut ones only once nothing whole fits: shortening is measured late.
                if (pass > 0 && addWrapped)
                    addWrapped(pass == 2);
                for (int sub = 0; sub < rows && found == kNone; ++sub) {
                    for (std::size_t j = 0; j < spots.size(); ++j) {
                        const Spot& c = spots[j];
                        if ((pass == 2 ? c.elided : !c.elided && (c.lines > 1) == (pass == 1)) &&
                            fits(c, sub)) {
                            k = sub;
                            found = j;
                            break;
                        }
                    }
                    if (sub > int(taken.size()))
                        break; // every sub-row from here on is empty: the label did not fit
                }
            }
            // Thrifty: a title that would open a sub-row of its own on one line is wrapped
            // instead where its lines fit in the sub-rows the lane already uses.
            if (thrifty && found != kNone && spots[found].lines == 1 && k >= out.rowsUsed &&
                addWrapped) {
                const std::size_t first = spots.size();
                addWrapped(false);
                bool better = false;
                for (std::size_t j = first; j < spots.size() && !better; ++j) {
                    const Spot& c = spots[j];
                    if (c.elided || c.lines < 2)
                        continue;
                    for (int sub = 0; sub + c.lines <= out.rowsUsed && !better; ++sub)
                        if (fits(c, sub)) {
                            k = sub;
                            found = j;
                            better = true;
                        }
                }
            }
            const Spot* spot = found != kNone ? &spots[found] : nullptr;
            // An event whose title has no room anywhere is not drawn bare (a box nobody can
            // name): it is counted in the lane's "+N more". Only a box whose title is still
            // being read, or a lane too thin for type, goes without one.
            const bool bareAllowed = !withLabels || (w < 0 && maxRows > 0);
            if (!spot && bareAllowed) {
                // The first sub-row with room for the box alone.
                for (int sub = 0; sub < rows; ++sub) {
                    if (isFree(sub, slot.x0, slot.x1)) {
                        k = sub;
                        break;
                    }
                    if (sub > int(taken.size()))
                        break;
                }
            }
            if (k < 0) {
                ++out.hiddenCount;
                out.items.push_back(slot); // sub -1: counted, not drawn
                continue;
            }
            slot.sub = k;
            double extent = slot.x1, start = slot.x0;
            if (spot) {
                slot.hasLabel = true;
                slot.elided = spot->elided;
                slot.inside = spot->inside;
                slot.labelX = spot->lx;
                slot.labelWidth = spot->w;
                slot.lines = spot->lines;
                slot.text = spot->text;
                start = spot->from;
                extent = spot->to;
                for (int line = 1; line < spot->lines; ++line)
                    take(k + line, spot->lx, spot->lx + spot->w);
            }
            take(k, start, extent);
            out.rowsUsed = std::max(out.rowsUsed, k + slot.lines);
            out.items.push_back(std::move(slot));
        }
    }
    if (out.hiddenCount == 0)
        return out;

    // The marks: hidden events close together share one, placed where the first of them is,
    // in the nearest gap of the lane's last sub-row (or the lowest sub-row with one near), or
    // else in the last sub-row in the place of the events it then counts too.
    // The mark's text is in bold.
    // Each count's text made and measured once per lane (translating it is not free).
    std::map<int, double> markWidths;
    auto markWidth = [&](int count) {
        const auto it = markWidths.find(count);
        if (it != markWidths.end())
            return it->second;
        return markWidths.emplace(count, textWidth(moreText(count), true) + 8).first->second;
    };
    // What a slot takes in sub-row `sub`: its box and label there, or a wrapped label's line.
    auto inRow = [](const Slot& slot, int sub) {
        return slot.sub >= 0 && slot.sub <= sub && sub < slot.sub + slot.lines;
    };
    auto footprint = [](const Slot& slot, int sub) {
        if (sub != slot.sub)
            return std::pair<double, double>(slot.labelX, slot.labelX + slot.labelWidth);
        double lo = slot.x0, hi = slot.x1;
        if (slot.hasLabel) {
            lo = std::min(lo, slot.labelX);
            hi = std::max(hi, slot.labelX + slot.labelWidth);
        }
        return std::pair<double, double>(lo, hi);
    };
    std::vector<double> xs;
    for (const Slot& slot : out.items)
        if (slot.sub < 0)
            xs.push_back(std::max(slot.x0, r.left() + 2));
    std::sort(xs.begin(), xs.end());
    const int markRow = std::max(0, limit - 1);
    for (const double x : xs) {
        if (!out.marks.empty() && x < out.marks.back().x + out.marks.back().width + kGap) {
            Mark& m = out.marks.back();
            ++m.count;
            m.width = markWidth(m.count);
            continue;
        }
        out.marks.push_back({1, std::min(x, r.right() - 2 - markWidth(1)), markWidth(1), -1});
    }
    for (Mark& m : out.marks) {
        // Room for a mark of a few more events than it holds, so evictions still fit: in the
        // lane's last sub-row, or else the lowest one with a gap near where the events hide.
        const double w = markWidth(m.count + 9);
        double best = -1;
        // (Unlimited sub-rows: the first empty one.)
        for (int row = std::min(markRow, out.rowsUsed); row >= 0 && best < 0; --row) {
            double bestDistance = 1e18, at = -1;
            std::vector<std::pair<double, double>> spans;
            for (const Slot& slot : out.items)
                if (inRow(slot, row))
                    spans.push_back(footprint(slot, row));
            for (const Mark& other : out.marks)
                if (&other != &m && other.width > 0 &&
                    (other.sub == row || (other.sub < 0 && row == markRow)))
                    spans.emplace_back(other.x, other.x + other.width);
            std::sort(spans.begin(), spans.end());
            double gapStart = r.left() + 2;
            spans.emplace_back(r.right() - 2 + kGap, r.right() - 2 + kGap);
            for (const auto& [spanLeft, spanRight] : spans) {
                const double gapEnd = spanLeft - kGap;
                if (gapEnd - gapStart >= w) {
                    const double x = std::clamp(m.x, gapStart, gapEnd - w);
                    if (std::abs(x - m.x) < bestDistance) {
                        bestDistance = std::abs(x - m.x);
                        at = x;
                    }
                }
                gapStart = std::max(gapStart, spanRight + kGap);
            }
            if (at >= 0 && bestDistance < 4 * w) {
                best = at;
                m.sub = row;
            }
        }
        if (best >= 0) {
            m.x = best;
            m.width = markWidth(m.count);
            continue;
        }
        m.sub = markRow;
        // No gap near: the events where the mark goes are counted in it.
        for (Slot& slot : out.items) {
            if (!inRow(slot, markRow))
                continue;
            const auto [lo, hi] = footprint(slot, markRow);
            if (lo < m.x + w + kGap && hi + kGap > m.x) {
                slot.sub = -1;
                slot.hasLabel = false;
                ++m.count;
                ++out.hiddenCount;
            }
        }
        m.width = markWidth(m.count);
    }
    return out;
}

} // namespace chronomap
