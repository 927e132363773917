#pragma once

#include "csvreader.h"
#include "eventscsv.h"
#include "importbatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace chronomap {

class Store;

// The one door for imports and data exports, used by the command line and the window. The
// formats themselves are in the registry (formatregistry.h): one name each, for import and
// export alike; "csv" names the spreadsheet family (on import the header tells which one).

// The names --format takes, for the messages that list them.
QStringList importFormats();
QStringList exportFormats();
// True when `name` (a format's name, one of its aliases, or "csv") can be read or written.
bool canImportFormat(const QString& name);
bool canExportFormat(const QString& name);

// The format a file is in, from its name and its first bytes; empty if it cannot be told.
QString guessImportFormat(const QString& path, const QByteArray& head);
// The export format for an output name (.json → chronomap unless asked, .csv → events-csv,
// .gexf, .graphml); empty if the name says nothing.
QString guessExportFormat(const QString& path);
// True for output names whose suffix is a data format rather than an image.
bool isDataExportPath(const QString& path);

// Reads a whole input file with the size checked before reading (a sparse 2 GB file is refused
// without being read). Throws StoreError naming the file.
QByteArray readInputFile(const QString& path, qint64 maxBytes = qint64(1) << 30);

// A parsed import, not yet written.
struct ParsedImport
{
    QString fileName;
    QString format;           // the resolved format ("csv" resolves to timelinejs, edges or events)
    ImportBatch batch;        // for every format but "json"
    QByteArray chronomapJson; // for "json"
    std::optional<CsvTable> table; // for CSV files: the cells, for previews and remapping
    CsvMapping mapping;            // for events CSV
    // For previews only: why an events CSV cannot be imported with its current mapping (the
    // dialog lets the user choose columns); applyParsedImport refuses while it is set.
    QString error;
};

// Reads and checks a file. `format` empty: guessed. `mapping` for events CSV (else guessed).
// Throws StoreError "file:line:column: what was expected"; nothing is written.
ParsedImport parseImport(const QString& path, const QString& format = {},
                         const std::optional<CsvMapping>& mapping = std::nullopt);
// parseImport of bytes already read (the fuzz targets): `fileName` names them in messages.
ParsedImport parseImportBytes(const QByteArray& bytes, const QString& fileName,
                              const QString& format);
// Like parseImport, but an events CSV whose columns do not fit (no title or date column, a
// cell that does not read under the guessed mapping) comes back with `error` set instead of
// throwing, so that a preview can offer a column mapping. Other errors still throw.
ParsedImport parseImportForPreview(const QString& path, const QString& format = {});
// For an events CSV already parsed: read again with another mapping (throws StoreError, and
// leaves `error` set and the batch empty, when the mapping does not fit).
void remapImport(ParsedImport& parsed, const CsvMapping& mapping);

// True for Chronomap JSON, which is written straight into the story, not through a batch.
bool isWholeStory(const ParsedImport& parsed);

// What the import would create, without writing.
ImportSummary previewParsedImport(const Store& store, const ParsedImport& parsed);
// Writes a parsed import in one transaction (see applyImport); throws StoreError and changes
// nothing on any error or a cancel.
// With `journal`, what was written is recorded there too, so that the window can undo it as
// one step (importcommand.h).
ImportSummary applyParsedImport(Store& store, const ParsedImport& parsed,
                                const ImportProgress& progress = {},
                                ImportJournal* journal = nullptr);

// The audit line an import writes (action "import": the file, its format, the summary), the
// same from the window and the command line; the author is left to Story / the caller.
ChangeRecord importAuditRecord(const ParsedImport& parsed, const ImportSummary& summary);

// The bytes of a data export.
QByteArray exportBytes(const Store& store, const QString& format, const QString& path = {});
// Writes a data export whole or not at all: a failed export leaves an existing file as it
// was and says why ("No space left on device"). Refuses the story itself, its -wal/-shm, any
// database and a foreign file (files/filesafety.h). Rows the import would refuse are left out
// (interchange/exportscreen.h); returns what was left out, in one sentence, or nothing.
QString exportData(const Store& store, const QString& format, const QString& path);

} // namespace chronomap
