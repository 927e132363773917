#pragma once

#include "model/entities.h"

#include <QList>

namespace chronomap {

// What one edit did to a story; views update from it instead of reloading everything.
// `Reset` means "anything may have changed" (another process wrote to the file, an import).
struct Change
{
    enum class Action : quint8 { Inserted, Updated, Removed, Reset };
    Action action = Action::Reset;
    EntityKind kind = EntityKind::Event;
    QList<Id> ids;

    static Change reset() { return {}; }
    static Change of(Action a, EntityKind k, Id id) { return Change{a, k, {id}}; }
};

} // namespace chronomap

Q_DECLARE_METATYPE(chronomap::Change)
