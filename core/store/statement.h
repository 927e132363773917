#pragma once

// Private to core/store: the prepared-statement wrapper and the small conversions that the
// Store's source files share. Nothing outside Store includes this.

#include "store.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>

#include <vector>

#include <sqlite3.h>

namespace chronomap {

// A prepared statement, reset after each use. Store keeps them cached by their SQL text, so
// each statement is compiled once per connection.
class Store::Statement
{
public:
    Statement(const Store& store, const char* sql) : m_store(store)
    {
        if (sqlite3_prepare_v3(store.m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_st, nullptr) !=
            SQLITE_OK)
            store.fail(QCoreApplication::translate("chronomap::Store", "preparing a query"));
    }
    ~Statement() { sqlite3_finalize(m_st); }

    Statement& reset()
    {
        sqlite3_reset(m_st);
        sqlite3_clear_bindings(m_st);
        return *this;
    }
    Statement& bind(int i, const QString& v)
    {
        // The UTF-8 bytes stay in the statement until the next bind of this parameter, so
        // SQLite need not copy them (a million-row import binds five texts a row).
        if (v.isEmpty()) {
            sqlite3_bind_text(m_st, i, "", 0, SQLITE_STATIC);
            return *this;
        }
        if (std::size_t(i) >= m_text.size())
            m_text.resize(std::size_t(i) + 1);
        m_text[std::size_t(i)] = v.toUtf8();
        const QByteArray& utf8 = m_text[std::size_t(i)];
        sqlite3_bind_text(m_st, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return *this;
    }
    Statement& bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_st, i, v);
        return *this;
    }
    Statement& bind(int i, int v) { return bind(i, qint64(v)); }
    Statement& bind(int i, double v)
    {
        sqlite3_bind_double(m_st, i, v);
        return *this;
    }
    Statement& bindNull(int i)
    {
        sqlite3_bind_null(m_st, i);
        return *this;
    }
    Statement& bindId(int i, Id v) { return v ? bind(i, qint64(v)) : bindNull(i); }
    Statement& bind(int i, std::optional<double> v) { return v ? bind(i, *v) : bindNull(i); }

    // Steps once; true while there is a row.
    bool step()
    {
        const int rc = sqlite3_step(m_st);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_store.fail(QCoreApplication::translate("chronomap::Store", "running a query"));
    }
    void run()
    {
        while (step()) {
        }
        sqlite3_reset(m_st);
    }

    qint64 i64(int c) const { return sqlite3_column_int64(m_st, c); }
    int i32(int c) const { return sqlite3_column_int(m_st, c); }
    double f64(int c) const { return sqlite3_column_double(m_st, c); }
    bool isNull(int c) const { return sqlite3_column_type(m_st, c) == SQLITE_NULL; }
    std::optional<double> optF64(int c) const
    {
        return isNull(c) ? std::nullopt : std::optional<double>(f64(c));
    }
    QString text(int c) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_st, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_st, c)) : QString();
    }

    // Resets for the next row without clearing bindings: every parameter is bound again.
    Statement& rewind()
    {
        sqlite3_reset(m_st);
        return *this;
    }

private:
    const Store& m_store;
    sqlite3_stmt* m_st = nullptr;
    std::vector<QByteArray> m_text;
};

namespace {

inline QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

inline QString colorText(const QColor& c)
{
    return c.isValid() ? c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb) : QString();
}

inline QColor colorOf(const QString& s)
{
    return s.isEmpty() ? QColor() : QColor::fromString(s);
}

// The three nullable foreign keys that point a citation or annotation at its target.
inline void targetColumns(EntityRef ref, Id& event, Id& actor, Id& relation)
{
    event = ref.kind == EntityKind::Event ? ref.id : 0;
    actor = ref.kind == EntityKind::Actor ? ref.id : 0;
    relation = ref.kind == EntityKind::Relation ? ref.id : 0;
}

inline void requireDate(const QString& path, const PartialDate& d, const QString& what)
{
    if (!d.isValid())
        throw StoreError(QCoreApplication::translate("chronomap::Store", "%1: %2 has no valid date")
                             .arg(path, what));
}

} // namespace

} // namespace chronomap
