#pragma once

// The content of a story file as one hash, for tests that a failed or refused write changed
// nothing: every table (the search index's own tables included), every row, every value with
// its type, read through a connection of its own (so only what was committed counts).

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace chronomap::test {

inline QByteArray storyContentHash(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList tables;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        tables << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    for (const QString& table : std::as_const(tables)) {
        hash.addData(QByteArray(table.toUtf8() + '\0'));
        const QByteArray sql = "SELECT * FROM \"" + table.toUtf8() + '"';
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK)
            continue;
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const int type = sqlite3_column_type(st, c);
                const auto* bytes = static_cast<const char*>(sqlite3_column_blob(st, c));
                const int size = sqlite3_column_bytes(st, c);
                hash.addData(
                    QByteArray(QByteArray::number(type) + ':' + QByteArray::number(size) + ':'));
                if (bytes)
                    hash.addData(QByteArrayView(bytes, size));
            }
            hash.addData("\n");
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return hash.result().toHex();
}

} // namespace chronomap::test
