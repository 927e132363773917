#pragma once

// Private to the SQLite backend: the prepared-statement wrapper and the small conversions
// that SqliteStore's source files share. Nothing outside core/store/sqlite includes this.

#include "sqlitestore.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>

#include <vector>

#include <sqlite3.h>

namespace chronomap {

// A prepared statement, reset after each use. Store keeps them cached by their SQL text, so
// each statement is compiled once per connection.
class SqliteStore::Statement
{
public:
    Statement(const SqliteStore& store, const char* sql) : m_store(store)
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
    // UTF-8 that the caller keeps, unchanged, until the statement has run (bulk loads).
    Statement& bindUnowned(int i, QByteArrayView utf8)
    {
        sqlite3_bind_text(m_st, i, utf8.isEmpty() ? "" : utf8.data(), int(utf8.size()),
                          SQLITE_STATIC);
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
    Statement& bind(int i, const tables::Value& v)
    {
        switch (v.index()) {
        case 1:
            return bind(i, std::get<qint64>(v));
        case 2:
            return bind(i, std::get<double>(v));
        case 3:
            return bind(i, std::get<QString>(v));
        default:
            return bindNull(i);
        }
    }

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

    // A column as the type SQLite holds it in.
    tables::Value value(int c) const
    {
        switch (sqlite3_column_type(m_st, c)) {
        case SQLITE_INTEGER:
            return i64(c);
        case SQLITE_FLOAT:
            return f64(c);
        case SQLITE_NULL:
            return {};
        default:
            return text(c);
        }
    }

    // Resets for the next row without clearing bindings: every parameter is bound again.
    Statement& rewind()
    {
        sqlite3_reset(m_st);
        return *this;
    }

private:
    const SqliteStore& m_store;
    sqlite3_stmt* m_st = nullptr;
    std::vector<QByteArray> m_text;
};

namespace {

inline QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
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

// ---------------------------------------------------------------------------------------------
// Reads and writes over a table description: the SQL is made once per entity type.

namespace sqlitesql {

// "?1, ?2, ... ?n"
inline QByteArray parameters(int n)
{
    QByteArray out;
    for (int i = 1; i <= n; ++i)
        out += (i > 1 ? ", ?" : "?") + QByteArray::number(i);
    return out;
}

template <class T>
QByteArray select(const char* tail)
{
    const tables::Table<T>& t = tables::table<T>();
    return "SELECT " + tables::columnList(t) + " FROM " + t.name + ' ' + tail;
}

} // namespace sqlitesql

// Parameters base + 1 .. base + n take the columns in order (the id first).
template <class T>
void SqliteStore::bindRow(Statement& st, int base, const tables::Table<T>& t, const T& x)
{
    int i = base + 1;
    for (const tables::Column<T>& c : t.columns)
        st.bind(i++, c.get(x));
}

template <class T>
T SqliteStore::readRow(Statement& st, const tables::Table<T>& t)
{
    T x{};
    int i = 0;
    for (const tables::Column<T>& c : t.columns) {
        if (c.set)
            c.set(x, st.value(i));
        ++i;
    }
    return x;
}

template <class T>
std::optional<T> SqliteStore::rowById(Id id) const
{
    static const QByteArray sql = sqlitesql::select<T>("WHERE id = ?1");
    auto& st = prepare(sql.constData());
    st.bind(1, qint64(id));
    std::optional<T> x;
    if (st.step())
        x = readRow(st, tables::table<T>());
    st.reset();
    return x;
}

template <class T>
QList<T> SqliteStore::allRows() const
{
    static const QByteArray sql =
        sqlitesql::select<T>("ORDER BY ") + tables::table<T>().orderBy;
    auto& st = prepare(sql.constData());
    QList<T> out;
    while (st.step())
        out << readRow(st, tables::table<T>());
    st.reset();
    return out;
}

// Citations or annotations of one entry.
template <class T>
QList<T> SqliteStore::rowsAbout(EntityRef target) const
{
    static const QByteArray sql = sqlitesql::select<T>(
        "WHERE event_id = ?1 OR actor_id = ?2 OR relation_id = ?3 ORDER BY id");
    Id e, a, r;
    targetColumns(target, e, a, r);
    auto& st = prepare(sql.constData());
    st.bindId(1, e).bindId(2, a).bindId(3, r);
    QList<T> out;
    while (st.step())
        out << readRow(st, tables::table<T>());
    st.reset();
    return out;
}

template <class T>
Id SqliteStore::insertRow(const T& x)
{
    const tables::Table<T>& t = tables::table<T>();
    static const QByteArray sql = QByteArray("INSERT INTO ") + t.name + '(' +
                                  tables::columnList(t) + ") VALUES (" +
                                  sqlitesql::parameters(int(t.columns.size())) + ')';
    auto& st = prepare(sql.constData());
    bindRow(st, 0, t, x);
    return insertOrThrow(st, x.id);
}

template <class T>
void SqliteStore::updateRow(const T& x)
{
    const tables::Table<T>& t = tables::table<T>();
    static const QByteArray sql = [&t]() -> QByteArray {
        QByteArray s = QByteArray("UPDATE ") + t.name + " SET ";
        for (std::size_t i = 1; i < t.columns.size(); ++i)
            s += QByteArray(i > 1 ? ", " : "") + t.columns[i].name + " = ?" +
                 QByteArray::number(qsizetype(i) + 1);
        return s + " WHERE id = ?1";
    }();
    auto& st = prepare(sql.constData());
    bindRow(st, 0, t, x);
    st.run();
}

} // namespace chronomap
