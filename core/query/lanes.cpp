#include "lanes.h"

#include "timeindex.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <queue>

namespace chronomap {

namespace {

// First index in [first, v.size()) whose value is >= key, searching outward from `first`:
// columns advance left to right, so the answer is usually close to the previous one.
std::size_t gallopLowerBound(const std::vector<qint64>& v, std::size_t first, qint64 key)
{
    std::size_t step = 1, lo = first, hi = first;
    while (hi < v.size() && v[hi] < key) {
        lo = hi + 1;
        hi = first + step;
        step *= 2;
    }
    hi = std::min(hi, v.size());
    return std::size_t(std::lower_bound(v.begin() + qsizetype(lo), v.begin() + qsizetype(hi), key) -
                       v.begin());
}

} // namespace

std::vector<quint32> LaneLayout::pack(std::span<const qint64> starts, std::span<const qint64> ends,
                                      qint64 gap)
{
    // Lanes keyed by the instant they become free; reuse the one free longest, else open one.
    using Free = std::pair<qint64, quint32>;
    std::priority_queue<Free, std::vector<Free>, std::greater<Free>> free;
    std::vector<quint32> lane(starts.size());
    quint32 lanes = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        quint32 l;
        if (!free.empty() && free.top().first < starts[i]) {
            l = free.top().second;
            free.pop();
        } else {
            l = lanes++;
        }
        lane[i] = l;
        free.push({std::max(ends[i], starts[i]) + gap, l});
    }
    return lane;
}

void LaneLayout::clear()
{
    *this = LaneLayout();
}

void LaneLayout::finishLane(Lane& lane, const TimeIndex& index)
{
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    lane.starts.resize(lane.rows.size());
    lane.ends.resize(lane.rows.size());
    lane.prefixMaxEnd.resize(lane.rows.size());
    qint64 running = std::numeric_limits<qint64>::min();
    for (std::size_t i = 0; i < lane.rows.size(); ++i) {
        lane.starts[i] = earliest[lane.rows[i]];
        lane.ends[i] = latest[lane.rows[i]];
        running = std::max(running, lane.ends[i]);
        lane.prefixMaxEnd[i] = running;
    }
    std::sort(lane.ends.begin(), lane.ends.end());
}

void LaneLayout::build(const Input& in)
{
    clear();
    m_mode = in.mode;
    const TimeIndex& index = *in.index;
    const std::size_t n = index.size();
    auto included = [&in](std::size_t row) { return !in.include || in.include(row); };

    if (in.mode == LaneMode::Category) {
        QList<Category> cats = in.categories;
        std::stable_sort(cats.begin(), cats.end(), [](const Category& a, const Category& b) {
            return a.position < b.position;
        });
        QHash<qint64, quint32> laneOfCategory;
        for (const Category& c : cats) {
            laneOfCategory.insert(c.id, quint32(m_lanes.size()));
            m_lanes.push_back(Lane{c.id, c.name, c.color, {}, {}, {}, {}});
        }
        const quint32 none = quint32(m_lanes.size());
        m_lanes.push_back(Lane{0,
                               QCoreApplication::translate("LaneLayout", "No category"),
                               QColor(0x88, 0x88, 0x88),
                               {},
                               {},
                               {},
                               {}});
        const auto category = index.category();
        for (std::size_t r = 0; r < n; ++r)
            if (included(r))
                m_lanes[laneOfCategory.value(category[r], none)].rows.push_back(quint32(r));
    } else if (in.mode == LaneMode::Actor) {
        QHash<Id, quint32> laneOfActor;
        for (const auto& [id, name] : in.actors) {
            laneOfActor.insert(id, quint32(m_lanes.size()));
            m_lanes.push_back(Lane{id, name, QColor(), {}, {}, {}, {}});
        }
        std::vector<bool> hasActor(n, false);
        for (const auto& [eventId, actorId] : in.participations) {
            const std::ptrdiff_t r = index.indexOf(eventId);
            const auto lane = laneOfActor.constFind(actorId);
            if (r < 0 || lane == laneOfActor.cend() || !included(std::size_t(r)))
                continue;
            m_lanes[*lane].rows.push_back(quint32(r));
            hasActor[std::size_t(r)] = true;
        }
        Lane none{0, QCoreApplication::translate("LaneLayout", "No actor"), QColor(), {}, {}, {},
                  {}};
        for (std::size_t r = 0; r < n; ++r)
            if (!hasActor[r] && included(r))
                none.rows.push_back(quint32(r));
        for (Lane& lane : m_lanes) {
            std::sort(lane.rows.begin(), lane.rows.end());
            lane.rows.erase(std::unique(lane.rows.begin(), lane.rows.end()), lane.rows.end());
        }
        // The busiest actors first: they are the story's protagonists.
        std::stable_sort(m_lanes.begin(), m_lanes.end(), [](const Lane& a, const Lane& b) {
            return a.rows.size() > b.rows.size();
        });
        m_lanes.push_back(std::move(none));
    } else {
        std::vector<quint32> rows;
        std::vector<qint64> starts, ends;
        for (std::size_t r = 0; r < n; ++r)
            if (included(r)) {
                rows.push_back(quint32(r));
                starts.push_back(index.earliest()[r]);
                ends.push_back(index.latest()[r]);
            }
        const std::vector<quint32> lanes = pack(starts, ends);
        const quint32 count = lanes.empty() ? 0 : *std::max_element(lanes.begin(), lanes.end()) + 1;
        for (quint32 l = 0; l < count; ++l)
            m_lanes.push_back(Lane{l + 1,
                                   QCoreApplication::translate("LaneLayout", "Lane %1").arg(l + 1),
                                   QColor(),
                                   {},
                                   {},
                                   {},
                                   {}});
        for (std::size_t i = 0; i < rows.size(); ++i)
            m_lanes[lanes[i]].rows.push_back(rows[i]);
    }

    // Empty lanes take room and say nothing.
    m_lanes.erase(std::remove_if(m_lanes.begin(), m_lanes.end(),
                                 [](const Lane& l) { return l.rows.empty(); }),
                  m_lanes.end());
    for (Lane& lane : m_lanes)
        finishLane(lane, index);

    // Row -> lanes.
    std::vector<quint32> counts(n + 1, 0);
    for (const Lane& lane : m_lanes)
        for (quint32 r : lane.rows)
            ++counts[r + 1];
    m_rowStart.assign(n + 1, 0);
    for (std::size_t r = 0; r < n; ++r) {
        m_rowStart[r + 1] = m_rowStart[r] + counts[r + 1];
        m_included += counts[r + 1] ? 1 : 0;
    }
    m_rowLanes.assign(m_rowStart[n], 0);
    std::vector<quint32> fill(m_rowStart.begin(), m_rowStart.end() - 1);
    for (quint32 l = 0; l < m_lanes.size(); ++l)
        for (quint32 r : m_lanes[l].rows)
            m_rowLanes[fill[r]++] = l;

    m_order.resize(m_lanes.size());
    m_position.resize(m_lanes.size());
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_order[i] = m_position[i] = i;
}

std::span<const quint32> LaneLayout::lanesOfRow(std::size_t row) const
{
    if (row + 1 >= m_rowStart.size())
        return {};
    return std::span<const quint32>(m_rowLanes)
        .subspan(m_rowStart[row], m_rowStart[row + 1] - m_rowStart[row]);
}

std::vector<std::size_t> LaneLayout::positionsOfRow(std::size_t row) const
{
    std::vector<std::size_t> out;
    for (quint32 l : lanesOfRow(row))
        out.push_back(m_position[l]);
    std::sort(out.begin(), out.end());
    return out;
}

void LaneLayout::moveLane(std::size_t from, std::size_t to)
{
    if (from >= m_order.size() || to >= m_order.size() || from == to)
        return;
    const std::size_t lane = m_order[from];
    m_order.erase(m_order.begin() + qsizetype(from));
    m_order.insert(m_order.begin() + qsizetype(to), lane);
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_position[m_order[i]] = i;
}

QList<qint64> LaneLayout::orderKeys() const
{
    QList<qint64> keys;
    for (std::size_t lane : m_order)
        keys << m_lanes[lane].key;
    return keys;
}

void LaneLayout::applyOrder(const QList<qint64>& keys)
{
    // Lanes named in `keys` come first in that order; new lanes keep their place after them.
    QHash<qint64, qsizetype> rank;
    for (qsizetype i = 0; i < keys.size(); ++i)
        rank.insert(keys[i], i);
    std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
        return rank.value(m_lanes[a].key, keys.size()) < rank.value(m_lanes[b].key, keys.size());
    });
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_position[m_order[i]] = i;
}

std::pair<std::size_t, std::size_t> LaneLayout::candidates(const Lane& lane, qint64 from, qint64 to)
{
    const auto last =
        std::upper_bound(lane.starts.begin(), lane.starts.end(), to) - lane.starts.begin();
    const auto first =
        std::lower_bound(lane.prefixMaxEnd.begin(), lane.prefixMaxEnd.begin() + last, from) -
        lane.prefixMaxEnd.begin();
    return {std::size_t(first), std::size_t(last)};
}

qint64 LaneLayout::countOverlapping(const Lane& lane, qint64 from, qint64 to)
{
    // latest >= earliest, so an event ending before `from` also starts before `to`.
    const auto started =
        std::lower_bound(lane.starts.begin(), lane.starts.end(), to) - lane.starts.begin();
    const auto ended =
        std::lower_bound(lane.ends.begin(), lane.ends.end(), from) - lane.ends.begin();
    return qint64(started - ended);
}

void LaneLayout::countColumns(const Lane& lane, qint64 from, qint64 to, int columns,
                              std::vector<int>& out)
{
    out.assign(std::size_t(std::max(columns, 0)), 0);
    if (columns <= 0 || to <= from)
        return;
    const double step = double(to - from) / columns;
    std::size_t s = 0, e = 0;
    e = gallopLowerBound(lane.ends, 0, from);
    for (int c = 0; c < columns; ++c) {
        const qint64 a = from + qint64(step * c);
        const qint64 b = c + 1 == columns ? to : from + qint64(step * (c + 1));
        s = gallopLowerBound(lane.starts, s, b); // started before the column ends
        e = gallopLowerBound(lane.ends, e, a);   // ended before the column begins
        out[std::size_t(c)] = int(s - e);
    }
}

} // namespace chronomap
