#include "timeindex.h"

#include <algorithm>
#include <numeric>

namespace chronomap {

quint32 TimeIndex::packFlags(quint32 dateFlags, Verification status, int importance)
{
    return (dateFlags & 0xffffu) | (quint32(status) << kStatusShift) |
           (quint32(std::clamp(importance, 0, 7)) << kImportanceShift);
}

TimeIndex::Row TimeIndex::rowOf(const Event& e)
{
    Row r;
    r.id = e.id;
    r.earliest = e.date.earliest();
    r.latest = e.date.latest();
    r.nominalStart = e.date.nominalStart();
    r.nominalEnd = e.date.nominalEnd();
    r.category = qint32(e.categoryId);
    r.flags = packFlags(e.date.flags(), e.status, e.importance);
    return r;
}

void TimeIndex::clear()
{
    *this = TimeIndex();
}

void TimeIndex::reserve(std::size_t n)
{
    m_id.reserve(n);
    m_earliest.reserve(n);
    m_latest.reserve(n);
    m_nominalStart.reserve(n);
    m_nominalEnd.reserve(n);
    m_category.reserve(n);
    m_flags.reserve(n);
}

void TimeIndex::append(const Row& r)
{
    if (!m_earliest.empty() && r.earliest < m_earliest.back())
        m_sorted = false;
    m_id.push_back(r.id);
    m_earliest.push_back(r.earliest);
    m_latest.push_back(r.latest);
    m_nominalStart.push_back(r.nominalStart);
    m_nominalEnd.push_back(r.nominalEnd);
    m_category.push_back(r.category);
    m_flags.push_back(r.flags);
}

TimeIndex::Row TimeIndex::row(std::size_t i) const
{
    return Row{m_id[i],           m_earliest[i], m_latest[i], m_nominalStart[i],
               m_nominalEnd[i],   m_category[i], m_flags[i]};
}

void TimeIndex::finish()
{
    // Rows usually arrive in id order: remember where each id lands so the id lookup table
    // needs no sort of its own.
    const bool idsAscending = std::is_sorted(m_id.begin(), m_id.end());
    std::vector<quint32> order;
    if (!m_sorted) {
        order.resize(m_id.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [this](quint32 a, quint32 b) {
            return m_earliest[a] < m_earliest[b];
        });
        auto permute = [&order](auto& v) {
            std::remove_reference_t<decltype(v)> out;
            out.reserve(v.size());
            for (quint32 i : order)
                out.push_back(v[i]);
            v.swap(out);
        };
        if (idsAscending) {
            m_byId.resize(order.size());
            for (std::size_t pos = 0; pos < order.size(); ++pos)
                m_byId[order[pos]] = {m_id[order[pos]], quint32(pos)};
        }
        permute(m_id);
        permute(m_earliest);
        permute(m_latest);
        permute(m_nominalStart);
        permute(m_nominalEnd);
        permute(m_category);
        permute(m_flags);
        m_sorted = true;
    }
    rebuildDerived(/*byIdReady=*/idsAscending && !order.empty());
}

void TimeIndex::rebuildDerived(bool byIdReady)
{
    const std::size_t n = m_id.size();
    m_prefixMaxLatest.resize(n);
    qint64 runningMax = std::numeric_limits<qint64>::min();
    for (std::size_t i = 0; i < n; ++i) {
        runningMax = std::max(runningMax, m_latest[i]);
        m_prefixMaxLatest[i] = runningMax;
    }
    m_maxLatest = n ? runningMax : 0;
    if (byIdReady)
        return;
    m_byId.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_byId[i] = {m_id[i], quint32(i)};
    if (!std::is_sorted(m_byId.begin(), m_byId.end()))
        std::sort(m_byId.begin(), m_byId.end());
}

void TimeIndex::upsert(const Row& r)
{
    const std::ptrdiff_t old = indexOf(r.id);
    if (old >= 0) {
        auto erase = [old](auto& v) { v.erase(v.begin() + old); };
        erase(m_id);
        erase(m_earliest);
        erase(m_latest);
        erase(m_nominalStart);
        erase(m_nominalEnd);
        erase(m_category);
        erase(m_flags);
    }
    const auto pos = std::upper_bound(m_earliest.begin(), m_earliest.end(), r.earliest) -
                     m_earliest.begin();
    auto insert = [pos](auto& v, auto value) { v.insert(v.begin() + pos, value); };
    insert(m_id, r.id);
    insert(m_earliest, r.earliest);
    insert(m_latest, r.latest);
    insert(m_nominalStart, r.nominalStart);
    insert(m_nominalEnd, r.nominalEnd);
    insert(m_category, r.category);
    insert(m_flags, r.flags);
    rebuildDerived();
}

void TimeIndex::remove(Id id)
{
    const std::ptrdiff_t i = indexOf(id);
    if (i < 0)
        return;
    auto erase = [i](auto& v) { v.erase(v.begin() + i); };
    erase(m_id);
    erase(m_earliest);
    erase(m_latest);
    erase(m_nominalStart);
    erase(m_nominalEnd);
    erase(m_category);
    erase(m_flags);
    rebuildDerived();
}

std::pair<std::size_t, std::size_t> TimeIndex::candidates(qint64 from, qint64 to) const
{
    const auto last = std::upper_bound(m_earliest.begin(), m_earliest.end(), to) - m_earliest.begin();
    const auto first = std::lower_bound(m_prefixMaxLatest.begin(), m_prefixMaxLatest.begin() + last,
                                        from) -
                       m_prefixMaxLatest.begin();
    return {std::size_t(first), std::size_t(last)};
}

std::ptrdiff_t TimeIndex::indexOf(Id id) const
{
    auto it = std::lower_bound(m_byId.begin(), m_byId.end(), std::pair<Id, quint32>{id, 0});
    if (it == m_byId.end() || it->first != id)
        return -1;
    return it->second;
}

std::size_t TimeIndex::memoryBytes() const
{
    return m_id.capacity() * sizeof(Id) +
           (m_earliest.capacity() + m_latest.capacity() + m_nominalStart.capacity() +
            m_nominalEnd.capacity() + m_prefixMaxLatest.capacity()) *
               sizeof(qint64) +
           m_category.capacity() * sizeof(qint32) + m_flags.capacity() * sizeof(quint32) +
           m_byId.capacity() * sizeof(std::pair<Id, quint32>);
}

} // namespace chronomap
