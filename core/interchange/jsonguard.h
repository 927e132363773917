#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QString>

#include <utility>

namespace chronomap {

// Shared guards for every JSON reader (Chronomap JSON, TimelineJS): limits checked on the raw
// bytes before QJsonDocument sees them, so that a hostile or broken file is refused with a
// clear message instead of exhausting memory or the parser's stack, and positions for messages.

// The most any JSON reader accepts, checked before anything is parsed.
constexpr qsizetype kMaxJsonFileBytes = qsizetype(256) * 1024 * 1024;

// Line and column (both from 1; the column counts characters, not bytes) of a byte offset.
std::pair<qint64, qint64> lineColumnOf(const QByteArray& bytes, qsizetype offset);

// The lines (from 1) of byte offsets given in ascending order, in one pass over the bytes.
QList<qint64> linesOf(const QByteArray& bytes, const QList<qsizetype>& ascendingOffsets);

// "file:line:column: what" for a byte offset in `bytes`.
QString located(const QString& fileName, const QByteArray& bytes, qsizetype offset,
                const QString& what);

// Size, nesting depth (64), string length (1 MiB) and array length checks on the raw bytes.
// Throws StoreError naming the file, line and column.
void checkJsonLimits(const QByteArray& json, const QString& fileName);

// What a QJsonParseError means, in words that say what was expected.
QString jsonSyntaxError(QJsonParseError::ParseError error);

// checkJsonLimits, a byte-order mark blanked (offsets stay right), then parsing; a syntax error
// throws StoreError with the line and column. `cleaned` receives the bytes that were parsed,
// for later position look-ups.
QJsonDocument parseJsonGuarded(const QByteArray& input, const QString& fileName,
                               QByteArray* cleaned = nullptr);

} // namespace chronomap
