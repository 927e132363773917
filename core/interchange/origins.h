#pragma once

#include "model/entities.h"

#include <QHash>
#include <QString>

namespace chronomap {

class Store;

// Where imported entries came from: for each (entity kind, format family, key in the file) the
// story entry it became and two states as compact JSON: the file's entry as last imported and
// the story's entry as that import left it. A re-import compares the file's entry with the
// first (did the file change it?) and the story's entry with the second (did the user?).
struct Origin
{
    Id id = 0;
    QString fileState;
    QString storyState;
};
using Origins = QHash<QString, Origin>; // key in the file -> origin

// The origins of one kind of entry from one format family.
Origins loadOrigins(const Store& store, EntityKind kind, const QString& format);
// Records (or replaces) where an entry came from.
void saveOrigin(Store& store, EntityKind kind, const QString& format, const QString& key,
                const Origin& origin);

} // namespace chronomap
