#pragma once

#include "model/entities.h"

#include <QList>

#include <optional>
#include <utility>

namespace chronomap {

class Store;

// The event rows of a story whose dates cannot be right (a damaged or hand-edited file): date
// text that is not EDTF, an earliest instant after the latest, or instants that disagree with
// the text. `info` names them and gives the date range of the sound rows only, so it never
// prints an impossible range; export leaves them out (interchange/exportscreen.h).
struct DateAudit
{
    qint64 broken = 0;                                   // how many rows
    QList<Id> brokenIds;                                 // the first few, in id order
    std::optional<std::pair<qint64, qint64>> soundRange; // earliest and latest of the others
};

DateAudit auditEventDates(const Store& store, int maxIds = 10);

} // namespace chronomap
