#include "storeaudit.h"

#include "store.h"

#include "model/partialdate.h"

#include <algorithm>

namespace chronomap {

DateAudit auditEventDates(const Store& store, int maxIds)
{
    DateAudit audit;
    qint64 lo = 0, hi = 0;
    bool any = false;
    store.scanEventDates([&](Id id, const QString& text, std::optional<qint64> earliest,
                             std::optional<qint64> latest) {
        const PartialDate d = PartialDate::fromEdtf(text);
        const bool sound = d.isValid() && earliest && latest && *earliest <= *latest &&
                           *earliest == d.earliest() && *latest == d.latest();
        if (!sound) {
            if (audit.brokenIds.size() < maxIds)
                audit.brokenIds << id;
            ++audit.broken;
            return;
        }
        lo = any ? std::min(lo, *earliest) : *earliest;
        hi = any ? std::max(hi, *latest) : *latest;
        any = true;
    });
    if (any)
        audit.soundRange = std::pair{lo, hi};
    return audit;
}

} // namespace chronomap
