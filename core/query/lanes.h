#pragma once

#include "model/entities.h"

#include <QColor>
#include <QList>
#include <QString>

#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace chronomap {

class TimeIndex;

// How the timeline sorts events into horizontal lanes.
enum class LaneMode : quint8
{
    Category, // one lane per category (events without one share a last lane)
    Actor,    // one lane per actor: an event with three actors is in three lanes
    Packed,   // as few lanes as possible, no two events that overlap in time share one
};

// Which lane each event of a TimeIndex is drawn in, with per-lane columns that let the
// timeline answer "what is visible in this lane" and "how many events overlap this pixel
// column" by binary search, without touching each event (so a zoomed-out frame over a
// million events costs the same as one over a thousand).
//
// Lanes have a stable internal number and a display position the user can change.
class LaneLayout
{
public:
    struct Lane
    {
        qint64 key = 0; // category id, actor id or packed lane number; 0: "none"
        QString label;
        QColor color;                     // invalid: draw each event in its category's colour
        std::vector<quint32> rows;        // TimeIndex rows, ascending (so by earliest)
        std::vector<qint64> starts;       // earliest of each row, ascending
        std::vector<qint64> ends;         // latest of the lane's rows, sorted on their own
        std::vector<qint64> prefixMaxEnd; // running maximum of latest, in row order
    };

    // What to build from. `include` says which rows pass the filters (null: all).
    struct Input
    {
        const TimeIndex* index = nullptr;
        LaneMode mode = LaneMode::Category;
        QList<Category> categories;
        // Actor mode: (event id, actor id) pairs and the actors' names, in the order wanted.
        std::vector<std::pair<Id, Id>> participations;
        QList<std::pair<Id, QString>> actors;
        std::function<bool(std::size_t row)> include;
    };

    // Greedy interval partitioning of items sorted by start: the lane of each item, such that
    // no two items whose closed intervals [start, end + gap] meet share a lane, with the
    // fewest lanes possible.
    static std::vector<quint32> pack(std::span<const qint64> starts, std::span<const qint64> ends,
                                     qint64 gap = 0);

    void build(const Input& input);
    void clear();

    LaneMode mode() const { return m_mode; }
    std::size_t laneCount() const { return m_lanes.size(); }
    // Lane at a display position, and the display position of an internal lane.
    const Lane& laneAt(std::size_t position) const { return m_lanes[m_order[position]]; }
    std::size_t positionOf(std::size_t lane) const { return m_position[lane]; }
    // Internal lanes a row is in (none if filtered out).
    std::span<const quint32> lanesOfRow(std::size_t row) const;
    // Display positions of a row's lanes, lowest first.
    std::vector<std::size_t> positionsOfRow(std::size_t row) const;
    bool isIncluded(std::size_t row) const { return m_rowStart[row] != m_rowStart[row + 1]; }
    std::size_t includedCount() const { return m_included; }

    // Moves the lane shown at `from` to position `to` (the user reorders lanes).
    void moveLane(std::size_t from, std::size_t to);
    // Current order as lane keys, to restore it after a rebuild.
    QList<qint64> orderKeys() const;
    void applyOrder(const QList<qint64>& keys);

    // Indices into lane.rows that may overlap [from, to]: callers test latest >= from.
    static std::pair<std::size_t, std::size_t> candidates(const Lane& lane, qint64 from, qint64 to);
    // Exact number of the lane's events whose [earliest, latest] meets [from, to).
    static qint64 countOverlapping(const Lane& lane, qint64 from, qint64 to);
    // Events overlapping each of `columns` equal slices of [from, to): per column two
    // searches in the lane's sorted columns, never a walk over its events.
    static void countColumns(const Lane& lane, qint64 from, qint64 to, int columns,
                             std::vector<int>& out);

private:
    void finishLane(Lane& lane, const TimeIndex& index);

    LaneMode m_mode = LaneMode::Category;
    std::vector<Lane> m_lanes;
    std::vector<std::size_t> m_order, m_position;
    // Row -> lanes, compressed: lanes of row r are m_rowLanes[m_rowStart[r] .. m_rowStart[r+1]).
    std::vector<quint32> m_rowStart{0};
    std::vector<quint32> m_rowLanes;
    std::size_t m_included = 0;
};

} // namespace chronomap
