#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace chronomap {

class Store;
struct CsvTable;

// One file format Chronomap reads or writes (Tiled's MapFormat is the model). The command line
// (--format, the guess from a name), the import and export dialogs, their file filters, drag
// and drop and the fuzz targets all ask the registry below, so a format has one name and one
// list of suffixes everywhere. Adding a format is one file that returns its FileFormat plus one
// line in fileFormats() (formatregistry.cpp).
struct FileFormat
{
    // The one name for import and export: --format NAME, the fuzz corpus folder fuzz/corpus/NAME.
    QString name;
    // What the dialogs show, untranslated (translated in context "chronomap::FileFormat").
    const char* label = "";
    QStringList suffixes; // without the dot; the first is what a save proposes
    QStringList aliases;  // older names still accepted ("edges" for edges-csv)
    // The family imported entries remember as their origin (ImportBatch::origin): formats that
    // share ids share it (a Gephi node table and its edge table are both "csv").
    QString origin;

    // Content check on the first bytes (up to 64 KiB); empty: told by the suffix only.
    std::function<bool(const QByteArray& head)> sniff;
    // A reader of whole files...
    std::function<ImportBatch(const QByteArray& bytes, const QString& fileName)> read;
    // ...or of spreadsheet tables (CSV formats), with the header check that tells them apart.
    std::function<bool(const CsvTable&)> claimsTable;
    std::function<ImportBatch(const CsvTable&, const QString& fileName)> readTable;
    // The whole story as Chronomap JSON: written straight into the store (no batch).
    bool wholeStory = false;
    // The writer; empty when the format is read only.
    std::function<QByteArray(const Store&)> write;

    bool canRead() const { return bool(read) || bool(readTable) || wholeStory; }
    bool canWrite() const { return bool(write); }
    bool isTable() const { return bool(readTable); }
    // The label in the user's language.
    QString displayName() const;
    // "GEXF (Gephi) (*.gexf)" for file dialogs.
    QString fileFilter() const;
};

// Every format, in the order menus show them.
const QList<FileFormat>& fileFormats();
// The format named `nameOrAlias` (case-insensitive), or nullptr.
const FileFormat* fileFormat(const QString& nameOrAlias);

// The names of the formats that can be read (imported) or written (exported).
QStringList readableFormats();
QStringList writableFormats();
// "csv", the family of spreadsheet formats: on import the header tells which one a file is;
// on export it is events-csv.
inline QString csvFamily()
{
    return QStringLiteral("csv");
}

// The suffixes that some format reads (for drag and drop), lower case, without the dot.
QStringList readableSuffixes();
// A file dialog filter: every readable format at once, then each one, then all files.
QString importFileFilter();

} // namespace chronomap
