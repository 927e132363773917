#include "storeaudit.h"

#include "store.h"

#include "model/partialdate.h"

#include <sqlite3.h>

#include <algorithm>

namespace chronomap {

DateAudit auditEventDates(const Store& store, int maxIds)
{
    DateAudit audit;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(store.handle(),
                           "SELECT id, date, earliest, latest FROM events ORDER BY id", -1, &st,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return audit;
    }
    qint64 lo = 0, hi = 0;
    bool any = false;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const Id id = sqlite3_column_int64(st, 0);
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        const qint64 earliest = sqlite3_column_int64(st, 2), latest = sqlite3_column_int64(st, 3);
        const PartialDate d = PartialDate::fromEdtf(QString::fromUtf8(text ? text : ""));
        const bool sound = d.isValid() && earliest <= latest &&
                           sqlite3_column_type(st, 2) == SQLITE_INTEGER &&
                           sqlite3_column_type(st, 3) == SQLITE_INTEGER &&
                           earliest == d.earliest() && latest == d.latest();
        if (!sound) {
            if (audit.brokenIds.size() < maxIds)
                audit.brokenIds << id;
            ++audit.broken;
            continue;
        }
        lo = any ? std::min(lo, earliest) : earliest;
        hi = any ? std::max(hi, latest) : latest;
        any = true;
    }
    sqlite3_finalize(st);
    if (any)
        audit.soundRange = std::pair{lo, hi};
    return audit;
}

} // namespace chronomap
