#pragma once

#include "store/store.h"
#include "store/tables.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <initializer_list>
#include <memory>
#include <span>

struct pg_conn;
struct pg_result;

namespace chronomap {

// A shared story's address, postgresql://[user@]host[:port]/dbname?story=NAME[&libpq options],
// taken apart: the conninfo for libpq (without `story`) and the story's name. A password in
// the URL is accepted but never shown: display() drops it (and every other secret option).
struct PgLocator
{
    QString conninfo; // a postgresql:// URI libpq understands
    QString story;
    QString display; // for titles, recent files, logs and messages: no password

    // Throws StoreError (naming the URL without its password) when it cannot be read.
    static PgLocator parse(const QString& url);
    // The URL with any password and secret option removed.
    static QString withoutSecrets(const QString& url);
};

// One libpq result, cleared when it goes.
class PgResult
{
public:
    explicit PgResult(pg_result* r = nullptr) : m_r(r) {}
    PgResult(PgResult&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    ~PgResult();

    int rows() const;
    int columns() const;
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    qint64 i64(int row, int col) const;
    double f64(int row, int col) const;
    // A column as the type the server gave it (integers, reals, else text).
    tables::Value value(int row, int col) const;
    qint64 affected() const; // rows an UPDATE or DELETE touched

private:
    pg_result* m_r = nullptr;
};

// One connection to the server: parameters are sent apart from the SQL text, never spliced
// into it. Failures throw StoreError with the server's words and the URL without password.
class PgConnection
{
public:
    // Asked for a password when the server wants one that neither ~/.pgpass nor PGPASSWORD
    // gave; returns an empty string to give up. Set once by the program (terminal or window).
    using PasswordPrompt = std::function<QString(const QString& display)>;
    static void setPasswordPrompt(PasswordPrompt prompt);

    static std::unique_ptr<PgConnection> connect(const PgLocator& where);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    PgResult exec(const char* sql, std::span<const tables::Value> params = {}) const;
    PgResult exec(const char* sql, std::initializer_list<tables::Value> params) const
    {
        return exec(sql, std::span<const tables::Value>(params.begin(), params.size()));
    }
    // COPY table(columns) FROM STDIN in text format: rows are appended with copyRow() and
    // sent in large chunks; copyEnd() finishes (and throws if the server refused a row).
    void copyBegin(const QByteArray& sql);
    void copyRow(std::span<const tables::Value> fields);
    void copyEnd();

    // Notifications that arrived (without waiting): channel payloads from other sessions.
    QList<QByteArray> takeNotifications();
    int socket() const;
    bool isAlive() const;
    // Connecting again after the server went away, without ever waiting: begin, then call
    // continueReconnect() each time reconnectSocket() is ready as the last answer asked
    // (Read or Write), until Done or Failed. The caller watches the socket and owns the
    // timeout, since libpq's connect_timeout only holds for blocking connects. The old,
    // dead connection stays in place until the new one is up; Done swaps them. A password
    // typed at the prompt before is sent again; no prompt is shown meanwhile.
    enum class Poll
    {
        Read,
        Write,
        Done,
        Failed
    };
    Poll beginReconnect();
    Poll continueReconnect();
    void abandonReconnect();
    int reconnectSocket() const;
    // Why the last attempt failed, in libpq's words (may name the host; never a password).
    QString reconnectError() const { return m_reconnectError; }
    QString display() const { return m_display; }
    QString user() const;
    int backendPid() const;

private:
    PgConnection(pg_conn* conn, const PgLocator& where)
        : m_conn(conn), m_display(where.display), m_uri(where.conninfo.toUtf8())
    {}
    [[noreturn]] void fail(pg_result* r, const char* sql) const;
    void flushCopy(bool last);

    pg_conn* m_conn = nullptr;
    pg_conn* m_pending = nullptr; // a reconnect under way
    QString m_display;
    QByteArray m_uri; // for reconnecting: may hold a password, so never shown
    QString m_reconnectError;
    QByteArray m_copyBuffer;
};

} // namespace chronomap
