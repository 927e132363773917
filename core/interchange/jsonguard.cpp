#include "jsonguard.h"

#include "cancellation.h"
#include "store/store.h"

#include <algorithm>
#include <cstring>

#include <QCoreApplication>

namespace chronomap {

namespace {

constexpr int kMaxDepth = 64;
constexpr qsizetype kMaxStringBytes = 1024 * 1024;
constexpr qint64 kMaxArrayEntries = 50'000'000;

} // namespace

// Line and column (both from 1; the column counts characters, not bytes) of a byte offset.
std::pair<qint64, qint64> lineColumnOf(const QByteArray& bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    qint64 line = 1, column = 1;
    const char* p = bytes.constData();
    for (qsizetype i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++column;
        }
    }
    return {line, column};
}

QList<qint64> linesOf(const QByteArray& bytes, const QList<qsizetype>& ascendingOffsets)
{
    QList<qint64> lines;
    lines.reserve(ascendingOffsets.size());
    const char* p = bytes.constData();
    qsizetype at = 0;
    qint64 line = 1;
    for (qsizetype offset : ascendingOffsets) {
        offset = std::clamp<qsizetype>(offset, at, bytes.size());
        // memchr is many times faster than a loop over every byte.
        while (at < offset) {
            const void* nl = std::memchr(p + at, '\n', std::size_t(offset - at));
            if (!nl) {
                at = offset;
                break;
            }
            ++line;
            at = static_cast<const char*>(nl) - p + 1;
        }
        lines.append(line);
    }
    return lines;
}

QString located(const QString& fileName, const QByteArray& bytes, qsizetype offset,
                const QString& what)
{
    const auto [line, column] = lineColumnOf(bytes, offset);
    return QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(line).arg(column).arg(what);
}

void checkJsonLimits(const QByteArray& json, const QString& fileName)
{
    if (json.size() > kMaxJsonFileBytes)
        throw StoreError(
            QCoreApplication::translate("chronomap::JsonGuard",
                                        "%1: the file is larger than 256 MiB (%2 bytes), the "
                                        "most Chronomap reads")
                .arg(fileName)
                .arg(json.size()));
    // One pass over the bytes, tracking strings so that brackets inside them do not count.
    struct Level
    {
        bool array = false;
        qint64 separators = 0;
    };
    Level stack[kMaxDepth];
    int depth = 0;
    bool inString = false;
    qsizetype stringStart = 0;
    const char* p = json.constData();
    const qsizetype n = json.size();
    auto tooLong = [&](qsizetype start) {
        throw StoreError(
            located(fileName, json, start,
                    QCoreApplication::translate("chronomap::JsonGuard",
                                                "a string longer than 1 MiB; Chronomap refuses "
                                                "longer strings")));
    };
    for (qsizetype i = 0; i < n; ++i) {
        if ((i & 0xFFFFFF) == 0)
            checkCancelled(fileName); // every 16 MiB
        const char c = p[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                if (i - stringStart - 1 > kMaxStringBytes)
                    tooLong(stringStart);
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            stringStart = i;
            break;
        case '[':
        case '{':
            if (depth == kMaxDepth)
                throw StoreError(
                    located(fileName, json, i,
                            QCoreApplication::translate("chronomap::JsonGuard",
                                                        "the document is nested deeper than %1 "
                                                        "levels; a Chronomap story needs at most "
                                                        "a few")
                                .arg(kMaxDepth)));
            stack[depth++] = Level{c == '[', 0};
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        case ',':
            if (depth > 0 && stack[depth - 1].array &&
                ++stack[depth - 1].separators >= kMaxArrayEntries)
                throw StoreError(
                    located(fileName, json, i,
                            QCoreApplication::translate("chronomap::JsonGuard",
                                                        "an array with more than %1 entries")
                                .arg(kMaxArrayEntries)));
            break;
        default:
            break;
        }
    }
    if (inString && n - stringStart - 1 > kMaxStringBytes)
        tooLong(stringStart);
}

QString jsonSyntaxError(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected \",\" or \"}\" (an object is not closed; is the file "
                                    "cut short?)");
    case QJsonParseError::MissingNameSeparator:
        return QCoreApplication::translate("chronomap::JsonGuard", "expected \":\" after a key");
    case QJsonParseError::UnterminatedArray:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected \",\" or \"]\" (an array is not closed; is the file "
                                    "cut short?)");
    case QJsonParseError::MissingValueSeparator:
        return QCoreApplication::translate("chronomap::JsonGuard",
                                           "expected \",\" between two values");
    case QJsonParseError::IllegalValue:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected a value: a \"string\", a number, {object}, [array], "
                                    "true, false or null");
    case QJsonParseError::TerminationByNumber:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected more after a number (the file ends inside it)");
    case QJsonParseError::IllegalNumber:
        return QCoreApplication::translate("chronomap::JsonGuard", "expected a number");
    case QJsonParseError::IllegalEscapeSequence:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected an escape such as \\n, \\\" or \\u00e9 after \\");
    case QJsonParseError::IllegalUTF8String:
        return QCoreApplication::translate("chronomap::JsonGuard", "expected UTF-8 text");
    case QJsonParseError::UnterminatedString:
        return QCoreApplication::translate("chronomap::JsonGuard",
                                           "expected the closing quote of a string");
    case QJsonParseError::MissingObject:
        return QCoreApplication::translate("chronomap::JsonGuard", "expected an object, {...}");
    case QJsonParseError::DeepNesting:
        return QCoreApplication::translate("chronomap::JsonGuard",
                                           "the document is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return QCoreApplication::translate("chronomap::JsonGuard", "the document is too large");
    case QJsonParseError::GarbageAtEnd:
        return QCoreApplication::translate(
            "chronomap::JsonGuard", "expected the end of the file after the story's closing \"}\"");
    case QJsonParseError::NoError:
        break;
    }
    return QCoreApplication::translate("chronomap::JsonGuard", "not valid JSON");
}

QJsonDocument parseJsonGuarded(const QByteArray& input, const QString& fileName,
                               QByteArray* cleaned)
{
    checkJsonLimits(input, fileName);
    QByteArray json = input;
    // A byte-order mark is not JSON but editors on Windows write one; blanks keep the offsets.
    if (json.startsWith("\xEF\xBB\xBF"))
        json.replace(0, 3, "   ");
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw StoreError(located(fileName, json, error.offset, jsonSyntaxError(error.error)));
    if (cleaned)
        *cleaned = std::move(json);
    return doc;
}

} // namespace chronomap
