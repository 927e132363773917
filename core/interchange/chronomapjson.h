#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QString>

namespace chronomap {

class Store;

// Chronomap JSON: the whole story, every table, lossless both ways. The seed story ships in
// this format (resources/seed/peace-plan.json) so a reviewer can read it line by line.
//
// readStoryJson writes everything in one transaction into `store` (which may already hold
// entries: ids in the file are the file's own and are remapped). On any error it throws
// StoreError naming `fileName`, the line and column, and what was expected; nothing changes.
// Into a story with content, the file's actors are matched to the story's by name (as every
// importer does, actorNameKey) and merged. Returns how many were matched. `progress` (0..1)
// returning false cancels: StoreError, nothing changed.
qint64 readStoryJson(Store& store, const QByteArray& json, const QString& fileName,
                     const ImportProgress& progress = {});

// For an import preview, without writing: the file checked as readStoryJson checks it, its
// entries as an ImportBatch (batch ids as ImportBatch says; no sources or notes), and what
// readStoryJson would create or match in `store`. Throws StoreError like readStoryJson.
ImportBatch storyJsonAsBatch(const QByteArray& json, const QString& fileName);
ImportSummary previewStoryJson(const Store& store, const ImportBatch& file);

// Writes the whole story. Stable: export → import → export gives the same bytes.
QByteArray writeStoryJson(const Store& store);
// The same, with the rows an ExportScreen kept (the rows import would refuse left out).
class ExportScreen;
QByteArray writeStoryJson(const Store& store, const ExportScreen& rows);

} // namespace chronomap
