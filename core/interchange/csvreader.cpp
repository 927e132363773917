#include "csvreader.h"

#include "cancellation.h"
#include "jsonguard.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

#if __has_include(<unistd.h>)
#include <unistd.h>
#endif

namespace chronomap {

int CsvTable::column(const QString& name) const
{
    for (int i = 0; i < header.size(); ++i)
        if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString CsvTable::cell(qsizetype row, int col) const
{
    if (col < 0 || row < 0 || row >= rows.size())
        return QString();
    return rows.at(row).value(col);
}

qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        quint32 cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const quint32 least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return -1;
}

namespace {

// The separator of the header line: the most frequent of , ; and tab outside quotes.
char detectSeparator(const char* p, qsizetype begin, qsizetype n)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (qsizetype i = begin; i < n; ++i) {
        const char c = p[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

} // namespace

qint64 defaultCsvMemoryBudget()
{
    qint64 physical = qint64(8) << 30;
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        physical = qint64(pages) * qint64(pageSize);
#endif
    return std::clamp(physical / 4, qint64(512) << 20, qint64(4) << 30);
}

qint64 csvMemoryEstimate(const QByteArray& bytes, qint64* cellsOut, qint64* rowsOut)
{
    const char* p = bytes.constData();
    const qsizetype n = bytes.size();
    const qsizetype begin = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const char sep = detectSeparator(p, begin, n);
    // Separators and line ends outside quotes; a doubled quote toggles twice and so counts
    // as none.
    qint64 separators = 0, lines = 1;
    bool quoted = false;
    for (qsizetype i = begin; i < n; ++i) {
        const char c = p[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == sep)
            ++separators;
        else if (c == '\n')
            ++lines;
    }
    const qint64 cells = separators + lines;
    if (cellsOut)
        *cellsOut = cells;
    if (rowsOut)
        *rowsOut = lines;
    // Measured with Qt 6 and glibc: a cell is a QString in its row's list (24 bytes, with the
    // list's spare capacity about 32) and its own block (a 16-byte header and the text in
    // UTF-16, rounded up to 32 bytes at least); a row is a list, its line number and, once
    // imported, an event.
    constexpr qint64 kPerCell = 64, kPerRow = 512;
    return cells * kPerCell + qint64(n) * 2 + lines * kPerRow;
}

CsvTable readCsv(const QByteArray& bytes, const QString& fileName, const CsvLimits& limits)
{
    auto fail = [&](qsizetype offset, const QString& what) -> void {
        throw StoreError(located(fileName, bytes, offset, what));
    };
    if (bytes.size() > limits.maxFileBytes)
        throw StoreError(
            QCoreApplication::translate("chronomap::CsvReader",
                                        "%1: the file is larger than %2 MiB, the most Chronomap "
                                        "reads as CSV")
                .arg(fileName)
                .arg(limits.maxFileBytes >> 20));
    // Excel's "Unicode text" and some exports are UTF-16: say so rather than name a byte.
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        fail(0, QCoreApplication::translate(
                    "chronomap::CsvReader",
                    "expected UTF-8 text, found UTF-16 (a byte-order mark %1); save "
                    "the file as \"CSV UTF-8\" in your spreadsheet program")
                    .arg(QLatin1String(bytes.startsWith("\xFF\xFE") ? "FF FE" : "FE FF")));
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0)
        fail(bad, QCoreApplication::translate(
                      "chronomap::CsvReader",
                      "expected UTF-8 text, found the byte 0x%1; save the file as "
                      "\"CSV UTF-8\" in your spreadsheet program")
                      .arg(static_cast<unsigned char>(bytes.at(bad)), 2, 16, QLatin1Char('0')));

    qint64 cells = 0;
    if (const qint64 need = csvMemoryEstimate(bytes, &cells); need > limits.maxMemoryBytes)
        throw StoreError(
            QCoreApplication::translate("chronomap::CsvReader",
                                        "%1: reading this file would take about %2 MiB of memory "
                                        "(%3 cells), more than the %4 MiB Chronomap allows itself "
                                        "for one file; split it into smaller files and import "
                                        "them one after another")
                .arg(fileName)
                .arg(need >> 20)
                .arg(cells)
                .arg(limits.maxMemoryBytes >> 20));
    checkCancelled(fileName);

    const char* p = bytes.constData();
    const qsizetype n = bytes.size();
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;

    CsvTable table;
    const char sep = detectSeparator(p, i, n);
    table.separator = QLatin1Char(sep);

    qint64 line = 1;
    QStringList record;
    qsizetype recordBytes = 0;
    qint64 recordLine = 1;
    bool headerDone = false;

    auto endRecord = [&](qsizetype at) {
        // A record of one empty field is a blank line: skipped.
        const bool blank = record.size() == 1 && record.first().isEmpty();
        if (!blank) {
            if (record.size() > limits.maxColumns)
                fail(at, QCoreApplication::translate("chronomap::CsvReader",
                                                     "more than %1 columns in one row")
                             .arg(limits.maxColumns));
            if (!headerDone) {
                table.header = record;
                headerDone = true;
            } else {
                if (table.rows.size() >= limits.maxRows)
                    fail(at, QCoreApplication::translate("chronomap::CsvReader",
                                                         "more than %1 rows; split the file")
                                 .arg(limits.maxRows));
                table.rows.append(record);
                table.rowLines.append(recordLine);
                if ((table.rows.size() & 4095) == 0)
                    checkCancelled(fileName);
            }
        }
        record.clear();
        recordBytes = 0;
    };

    while (i <= n) {
        // At the start of a field.
        if (record.isEmpty())
            recordLine = line;
        QByteArray field;
        const qsizetype fieldStart = i;
        bool endOfRecord = false;
        if (i < n && p[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n)
                    fail(fieldStart,
                         QCoreApplication::translate("chronomap::CsvReader",
                                                     "expected a closing quote (\") for the quoted "
                                                     "field that starts here; the file ends "
                                                     "inside it"));
                const char c = p[i];
                if (c == '"') {
                    if (i + 1 < n && p[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (c == '\n')
                    ++line;
                field += c;
                ++i;
                if (field.size() > limits.maxFieldBytes)
                    fail(fieldStart, QCoreApplication::translate(
                                         "chronomap::CsvReader",
                                         "a field longer than %1 KiB; Chronomap refuses "
                                         "longer fields")
                                         .arg(limits.maxFieldBytes >> 10));
            }
            // After the closing quote: a separator, the end of the line or of the file.
            if (i < n && p[i] != sep && p[i] != '\n' && p[i] != '\r')
                fail(i, QCoreApplication::translate(
                            "chronomap::CsvReader",
                            "expected \"%1\" or the end of the line after a closing "
                            "quote; a quote inside a quoted field is written twice (\"\")")
                            .arg(QLatin1Char(sep)));
        } else {
            const qsizetype start = i;
            while (i < n && p[i] != sep && p[i] != '\n' && p[i] != '\r')
                ++i;
            if (i - start > limits.maxFieldBytes)
                fail(start, QCoreApplication::translate(
                                "chronomap::CsvReader",
                                "a field longer than %1 KiB; Chronomap refuses longer "
                                "fields")
                                .arg(limits.maxFieldBytes >> 10));
            field = QByteArray(p + start, i - start);
        }
        recordBytes += field.size();
        if (recordBytes > limits.maxRowBytes)
            fail(fieldStart,
                 QCoreApplication::translate("chronomap::CsvReader", "a row longer than %1 MiB")
                     .arg(limits.maxRowBytes >> 20));
        record.append(QString::fromUtf8(field));
        if (i >= n) {
            endRecord(i);
            break;
        }
        if (p[i] == sep) {
            ++i;
            continue;
        }
        // A line break: CRLF, LF or a lone CR (old Mac spreadsheets).
        if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
            ++i;
        ++i;
        ++line;
        endOfRecord = true;
        if (endOfRecord) {
            endRecord(i);
            if (i >= n)
                break;
        }
    }
    if (!headerDone)
        throw StoreError(
            QCoreApplication::translate("chronomap::CsvReader",
                                        "%1: the file is empty; expected a header line naming "
                                        "the columns")
                .arg(fileName));
    return table;
}

namespace {

bool formulaStart(const QString& text, qsizetype at)
{
    if (at >= text.size())
        return false;
    const QChar c = text.at(at);
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// A cell a spreadsheet would run, possibly behind ' marks we added before (so that a cell
// that really starts with ' survives the round trip).
bool looksLikeFormula(const QString& text)
{
    // A plain number ("-44", a year before the common era) runs nothing and must stay a number.
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9]+(\\.[0-9]+)?$"));
    if (number.match(text).hasMatch())
        return false;
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    return formulaStart(text, i);
}

} // namespace

QByteArray csvCell(const QString& text, bool neutralise)
{
    QString t = text;
    if (neutralise && looksLikeFormula(t))
        t.prepend(u'\'');
    QByteArray utf8 = t.toUtf8();
    if (utf8.contains(',') || utf8.contains(';') || utf8.contains('"') || utf8.contains('\n') ||
        utf8.contains('\r') || utf8.contains('\t')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

QByteArray csvRow(const QStringList& cells, bool neutralise)
{
    QByteArray out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += csvCell(cells.at(i), neutralise);
    }
    out += "\r\n";
    return out;
}

QString unneutralised(const QString& cell)
{
    if (cell.startsWith(u'\'') && looksLikeFormula(cell))
        return cell.mid(1);
    return cell;
}

} // namespace chronomap
