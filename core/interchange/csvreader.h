#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace chronomap {

// A CSV file as read: the header and the rows, each with the line it starts on (rows may span
// lines when a quoted field holds a new line).
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<qint64> rowLines; // the file line each row starts on (from 1)
    QChar separator = u',';

    // The column whose header matches `name` (case and surrounding blanks ignored); -1 if none.
    int column(const QString& name) const;
    // The cell of `row` in `column`, empty when the row is short or column is -1.
    QString cell(qsizetype row, int column) const;
};

// The memory a CSV reader may use for one file by default: a quarter of the machine's memory,
// at most 4 GiB and at least 512 MiB.
qint64 defaultCsvMemoryBudget();

// What a CSV reader accepts at most: beyond these a file is refused, not half read.
struct CsvLimits
{
    // What the cells would take in memory (csvMemoryEstimate), checked before any is read: a
    // file of many tiny cells needs far more memory than its size (each cell is a string of
    // its own), and would otherwise end the program half way.
    qint64 maxMemoryBytes = defaultCsvMemoryBudget();
    qsizetype maxFieldBytes = 1024 * 1024;   // one cell
    qsizetype maxRowBytes = 8 * 1024 * 1024; // one record, all its cells
    qint64 maxRows = 5'000'000;
    int maxColumns = 1024;
    qint64 maxFileBytes = qint64(1) << 30; // 1 GiB
};

// Reads CSV as RFC 4180 says and spreadsheets write it: quoted fields, doubled quotes, new
// lines inside quotes, CRLF or LF, a UTF-8 byte-order mark, and ';' or tab separated files
// (European locales), the separator detected from the header line. The text must be UTF-8.
//
// Throws StoreError "file:line:column: what was expected" for invalid UTF-8, an unclosed quote,
// text after a closing quote, or a limit exceeded. Blank lines are skipped.
CsvTable readCsv(const QByteArray& bytes, const QString& fileName, const CsvLimits& limits = {});

// About how many bytes readCsv and an import of its table take for `bytes` (cells as strings,
// rows, the rows' events), from one quick pass counting cells and rows; `cells` and `rows`,
// when given, receive the counts.
qint64 csvMemoryEstimate(const QByteArray& bytes, qint64* cells = nullptr, qint64* rows = nullptr);

// The first invalid UTF-8 byte's offset, or -1 when the bytes are valid UTF-8.
qsizetype firstInvalidUtf8(const QByteArray& bytes);

// One CSV cell as RFC 4180 writes it (quoted when it holds the separator, a quote or a new
// line). With `neutralise`, a cell that a spreadsheet would run as a formula (starting with
// = + - @, a tab or a carriage return) is prefixed with ' so it is shown as text.
QByteArray csvCell(const QString& text, bool neutralise = true);
// One row: cells joined by ',' and ended with CRLF, as RFC 4180 writes it.
QByteArray csvRow(const QStringList& cells, bool neutralise = true);
// The UTF-8 byte-order mark spreadsheet programs need to read a CSV file as UTF-8.
inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
// Undoes csvCell's neutralising ' (for reading back our own exports losslessly).
QString unneutralised(const QString& cell);

} // namespace chronomap
