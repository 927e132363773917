#pragma once

#include "model/entities.h"

#include <span>
#include <utility>
#include <vector>

namespace chronomap {

// The story's events in memory as columns sorted by earliest instant, for drawing and hit
// testing without touching SQL. One row is 56 bytes: a million events fit in about 60 MB.
// Titles and everything else stay in the file and are read on demand.
//
// Flags hold the DateFlag bits of the date in the low 16 bits, the verification status in
// bits 16-17 and the importance (0-5) in bits 18-20.
class TimeIndex
{
public:
    struct Row
    {
        Id id = 0;
        qint64 earliest = 0, latest = 0, nominalStart = 0, nominalEnd = 0;
        qint32 category = 0; // category id, 0: none
        quint32 flags = 0;
    };

    static constexpr quint32 kStatusShift = 16;
    static constexpr quint32 kImportanceShift = 18;
    static quint32 packFlags(quint32 dateFlags, Verification status, int importance);
    static Verification statusOf(quint32 flags) { return Verification((flags >> kStatusShift) & 3); }
    static int importanceOf(quint32 flags) { return int((flags >> kImportanceShift) & 7); }

    static Row rowOf(const Event& e);

    void clear();
    void reserve(std::size_t n);
    // Rows appended in start order need no sort; finish() sorts if they were not.
    void append(const Row& row);
    void finish();

    // Keeps the index current after an edit without reloading: O(n) moves, fine for edits.
    void upsert(const Row& row);
    void remove(Id id);

    std::size_t size() const { return m_id.size(); }
    bool empty() const { return m_id.empty(); }
    Row row(std::size_t i) const;
    std::span<const Id> ids() const { return m_id; }
    std::span<const qint64> earliest() const { return m_earliest; }
    std::span<const qint64> latest() const { return m_latest; }
    std::span<const qint64> nominalStart() const { return m_nominalStart; }
    std::span<const qint64> nominalEnd() const { return m_nominalEnd; }
    std::span<const qint32> category() const { return m_category; }
    std::span<const quint32> flags() const { return m_flags; }

    // Rows [first, last) that may overlap the window [from, to]: every row in it starts by
    // `to`, and none before `first` can reach `from`. Callers still test latest >= from.
    std::pair<std::size_t, std::size_t> candidates(qint64 from, qint64 to) const;
    // Row of an id, or -1.
    std::ptrdiff_t indexOf(Id id) const;
    // First and last instant of the story (earliest start, latest end).
    qint64 minTime() const { return m_earliest.empty() ? 0 : m_earliest.front(); }
    qint64 maxTime() const { return m_maxLatest; }

    std::size_t memoryBytes() const;

private:
    void rebuildDerived(bool byIdReady = false);

    std::vector<Id> m_id;
    std::vector<qint64> m_earliest, m_latest, m_nominalStart, m_nominalEnd;
    std::vector<qint32> m_category;
    std::vector<quint32> m_flags;
    // Running maximum of latest: rows before the first whose prefix max reaches `from`
    // cannot overlap a window starting at `from`.
    std::vector<qint64> m_prefixMaxLatest;
    // (id, row) sorted by id, for indexOf.
    std::vector<std::pair<Id, quint32>> m_byId;
    qint64 m_maxLatest = 0;
    bool m_sorted = true;
};

} // namespace chronomap
