#include "origins.h"

#include "store/store.h"

namespace chronomap {

Origins loadOrigins(const Store& store, EntityKind kind, const QString& format)
{
    Origins out;
    const auto rows = store.origins(kind, format);
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it)
        out.insert(it.key(), Origin{it->id, it->fileState, it->storyState});
    return out;
}

void saveOrigin(Store& store, EntityKind kind, const QString& format, const QString& key,
                const Origin& origin)
{
    store.setOrigin(kind, format, key, Store::OriginRow{origin.id, origin.fileState,
                                                        origin.storyState});
}

} // namespace chronomap
