#include "pgconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QUrl>

#include <libpq-fe.h>

namespace chronomap {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chronomap::PgStore", text);
}

// Options whose value is a secret: never shown.
bool isSecretOption(const QString& key)
{
    return key.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0 ||
           key.compare(QLatin1String("sslpassword"), Qt::CaseInsensitive) == 0;
}

QMutex g_promptMutex;
PgConnection::PasswordPrompt g_prompt;
// Passwords the user typed at the prompt, by address, for this process's other connections
// to the same story (a second window, the map's reader on its thread): in memory only, as
// libpq keeps them itself, never written anywhere.
QHash<QString, QByteArray> g_typed;

// What every connection is opened with. The URI is expanded by libpq; a prompted password
// comes as its own parameter, so it is never part of any string we keep or show. Defaults
// come before the URI, which may override them: a dropped network is noticed within half a
// minute (TCP keepalives; a query unanswered for 20 s gives up) and a server that does not
// answer within a few seconds is offline (for a blocking connect; a window reconnecting
// polls and keeps its own time).
struct ConnectParams
{
    ConnectParams(const QByteArray& uri, const QByteArray& password)
        : keys{"connect_timeout",
               "keepalives",
               "keepalives_idle",
               "keepalives_interval",
               "keepalives_count",
               "tcp_user_timeout",
               "dbname",
               "application_name",
               "client_encoding",
               password.isEmpty() ? nullptr : "password",
               nullptr},
          values{"5",
                 "1",
                 "10",
                 "5",
                 "3",
                 "20000",
                 uri.constData(),
                 "chronomap",
                 "UTF8",
                 password.isEmpty() ? nullptr : password.constData(),
                 nullptr}
    {}
    const char* keys[11];
    const char* values[11];
};

// Type oids of the columns we read as numbers (pg_type.h).
constexpr unsigned kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
                   kNumeric = 1700;

} // namespace

// ---------------------------------------------------------------------------------------------
// Locator

QString PgLocator::withoutSecrets(const QString& url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return url;
    QString rest = url.mid(scheme + 3);
    QString query;
    const qsizetype q = rest.indexOf(u'?');
    if (q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    // user:password@host -> user@host (the last @ ends the user part)
    const qsizetype at = rest.lastIndexOf(u'@', rest.indexOf(u'/') < 0 ? -1 : rest.indexOf(u'/'));
    if (at >= 0) {
        const qsizetype colon = rest.left(at).indexOf(u':');
        if (colon >= 0)
            rest = rest.left(colon) + rest.mid(at);
    }
    QStringList kept;
    for (const QString& pair : query.split(u'&', Qt::SkipEmptyParts))
        if (!isSecretOption(pair.section(u'=', 0, 0)))
            kept << pair;
    return url.left(scheme + 3) + rest + (kept.isEmpty() ? QString() : u'?' + kept.join(u'&'));
}

PgLocator PgLocator::parse(const QString& url)
{
    PgLocator out;
    out.display = withoutSecrets(url);
    const qsizetype q = url.indexOf(u'?');
    QStringList kept;
    if (q >= 0) {
        for (const QString& pair : url.mid(q + 1).split(u'&', Qt::SkipEmptyParts)) {
            const QString key = pair.section(u'=', 0, 0);
            if (key == QLatin1String("story"))
                out.story = QUrl::fromPercentEncoding(pair.section(u'=', 1).toUtf8());
            else
                kept << pair;
        }
    }
    out.conninfo = url.left(q < 0 ? url.size() : q) +
                   (kept.isEmpty() ? QString() : u'?' + kept.join(u'&'));
    if (out.story.trimmed().isEmpty())
        throw StoreError(tr("%1: the address names no story; add ?story=NAME to it")
                             .arg(out.display));
    if (out.story.size() > 200)
        throw StoreError(tr("%1: the story's name is too long").arg(out.display));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Results

PgResult& PgResult::operator=(PgResult&& o) noexcept
{
    if (this != &o) {
        PQclear(m_r);
        m_r = o.m_r;
        o.m_r = nullptr;
    }
    return *this;
}

PgResult::~PgResult()
{
    PQclear(m_r);
}

int PgResult::rows() const
{
    return m_r ? PQntuples(m_r) : 0;
}

int PgResult::columns() const
{
    return m_r ? PQnfields(m_r) : 0;
}

bool PgResult::isNull(int row, int col) const
{
    return PQgetisnull(m_r, row, col) != 0;
}

QString PgResult::text(int row, int col) const
{
    return QString::fromUtf8(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}

qint64 PgResult::i64(int row, int col) const
{
    return QByteArray::fromRawData(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col))
        .toLongLong();
}

double PgResult::f64(int row, int col) const
{
    return QByteArray::fromRawData(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col))
        .toDouble();
}

tables::Value PgResult::value(int row, int col) const
{
    if (isNull(row, col))
        return {};
    switch (PQftype(m_r, col)) {
    case kInt2:
    case kInt4:
    case kInt8:
        return i64(row, col);
    case kBool:
        return qint64(PQgetvalue(m_r, row, col)[0] == 't' ? 1 : 0);
    case kFloat4:
    case kFloat8:
    case kNumeric:
        return f64(row, col);
    default:
        return text(row, col);
    }
}

qint64 PgResult::affected() const
{
    return m_r ? QByteArray(PQcmdTuples(m_r)).toLongLong() : 0;
}

// ---------------------------------------------------------------------------------------------
// Connection

void PgConnection::setPasswordPrompt(PasswordPrompt prompt)
{
    const QMutexLocker lock(&g_promptMutex);
    g_prompt = std::move(prompt);
}

std::unique_ptr<PgConnection> PgConnection::connect(const PgLocator& where)
{
    const QByteArray uri = where.conninfo.toUtf8();
    QByteArray password;
    bool typed = false;
    {
        const QMutexLocker lock(&g_promptMutex);
        password = g_typed.value(where.display);
        typed = !password.isEmpty();
    }
    for (int attempt = 0; attempt < 4; ++attempt) {
        const ConnectParams params(uri, password);
        pg_conn* conn = PQconnectdbParams(params.keys, params.values, 1);
        if (PQstatus(conn) == CONNECTION_OK) {
            if (typed) {
                const QMutexLocker lock(&g_promptMutex);
                g_typed.insert(where.display, password);
            }
            password.fill('\0');
            return std::unique_ptr<PgConnection>(new PgConnection(conn, where));
        }
        const bool needsPassword = PQconnectionNeedsPassword(conn) != 0;
        QString why = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        password.fill('\0');
        password.clear();
        if (typed) { // what was typed before no longer works: ask again
            const QMutexLocker lock(&g_promptMutex);
            g_typed.remove(where.display);
        }
        typed = false;
        if (needsPassword) {
            PasswordPrompt prompt;
            {
                const QMutexLocker lock(&g_promptMutex);
                prompt = g_prompt;
            }
            const QString answer = prompt ? prompt(where.display) : QString();
            if (!answer.isEmpty()) {
                password = answer.toUtf8();
                typed = true;
                continue;
            }
            throw StoreError(
                tr("%1: the server wants a password; put it in ~/.pgpass or PGPASSWORD")
                    .arg(where.display));
        }
        throw StoreError(tr("%1: cannot connect to the server: %2").arg(where.display, why));
    }
    throw StoreError(tr("%1: the password was refused").arg(where.display));
}

PgConnection::~PgConnection()
{
    PQfinish(m_pending);
    PQfinish(m_conn);
}

void PgConnection::fail(pg_result* r, const char* sql) const
{
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const QString code = QString::fromLatin1(state ? state : "");
    QString why = QString::fromUtf8(r ? PQresultErrorMessage(r) : PQerrorMessage(m_conn));
    why = why.trimmed();
    PQclear(r);
    if (PQstatus(m_conn) != CONNECTION_OK || code.startsWith(QLatin1String("08")) ||
        code == QLatin1String("57P01"))
        throw StoreError(tr("%1: the server is unreachable; nothing was changed (%2)")
                             .arg(m_display, why));
    if (code == QLatin1String("42501"))
        throw StoreError(tr("%1: your role on this story does not allow that (%2)")
                             .arg(m_display, why));
    if (code == QLatin1String("25006"))
        throw StoreError(
            tr("%1: the story is open read-only; nothing was changed").arg(m_display));
    if (code == QLatin1String("40001") || code == QLatin1String("40P01") ||
        code == QLatin1String("55P03"))
        throw StoreError(tr("%1: the story is busy in another window; try again in a moment (%2)")
                             .arg(m_display, why));
    Q_UNUSED(sql);
    throw StoreError(tr("%1: the server refused: %2").arg(m_display, why));
}

PgResult PgConnection::exec(const char* sql, std::span<const tables::Value> params) const
{
    std::vector<QByteArray> texts(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        const tables::Value& v = params[i];
        switch (v.index()) {
        case 1:
            texts[i] = QByteArray::number(std::get<qint64>(v));
            break;
        case 2:
            texts[i] = QByteArray::number(std::get<double>(v), 'g', 17);
            break;
        case 3:
            texts[i] = std::get<QString>(v).toUtf8();
            break;
        default:
            break;
        }
        values[i] = v.index() == 0 ? nullptr : texts[i].constData();
    }
    // Without parameters, the simple protocol: a migration is many statements in one text.
    pg_result* r = params.empty() ? PQexec(m_conn, sql)
                                  : PQexecParams(m_conn, sql, int(params.size()), nullptr,
                                                 values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(r, sql);
    return PgResult(r);
}

void PgConnection::copyBegin(const QByteArray& sql)
{
    pg_result* r = PQexec(m_conn, sql.constData());
    if (PQresultStatus(r) != PGRES_COPY_IN)
        fail(r, sql.constData());
    PQclear(r);
    m_copyBuffer.clear();
    m_copyBuffer.reserve(1 << 20);
}

void PgConnection::copyRow(std::span<const tables::Value> fields)
{
    bool first = true;
    for (const tables::Value& v : fields) {
        if (!first)
            m_copyBuffer += '\t';
        first = false;
        switch (v.index()) {
        case 0:
            m_copyBuffer += "\\N";
            break;
        case 1:
            m_copyBuffer += QByteArray::number(std::get<qint64>(v));
            break;
        case 2:
            m_copyBuffer += QByteArray::number(std::get<double>(v), 'g', 17);
            break;
        default: {
            // Text format: backslash, tab, newline and carriage return are escaped.
            const QByteArray utf8 = std::get<QString>(v).toUtf8();
            for (char c : utf8) {
                switch (c) {
                case '\\':
                    m_copyBuffer += "\\\\";
                    break;
                case '\t':
                    m_copyBuffer += "\\t";
                    break;
                case '\n':
                    m_copyBuffer += "\\n";
                    break;
                case '\r':
                    m_copyBuffer += "\\r";
                    break;
                default:
                    m_copyBuffer += c;
                }
            }
        }
        }
    }
    m_copyBuffer += '\n';
    if (m_copyBuffer.size() > (1 << 20) - 4096)
        flushCopy(false);
}

void PgConnection::flushCopy(bool last)
{
    if (!m_copyBuffer.isEmpty() &&
        PQputCopyData(m_conn, m_copyBuffer.constData(), int(m_copyBuffer.size())) != 1)
        fail(nullptr, "COPY");
    m_copyBuffer.clear();
    if (last && PQputCopyEnd(m_conn, nullptr) != 1)
        fail(nullptr, "COPY");
}

void PgConnection::copyEnd()
{
    flushCopy(true);
    pg_result* r = PQgetResult(m_conn);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK) {
        // Drain what follows so that the connection is usable for the rollback.
        while (pg_result* more = PQgetResult(m_conn))
            PQclear(more);
        fail(r, "COPY");
    }
    PQclear(r);
    while (pg_result* more = PQgetResult(m_conn))
        PQclear(more);
}

QList<QByteArray> PgConnection::takeNotifications()
{
    QList<QByteArray> out;
    if (PQconsumeInput(m_conn) == 0)
        return out;
    while (PGnotify* n = PQnotifies(m_conn)) {
        if (n->be_pid != PQbackendPID(m_conn))
            out << QByteArray(n->extra);
        PQfreemem(n);
    }
    return out;
}

int PgConnection::socket() const
{
    return PQsocket(m_conn);
}

bool PgConnection::isAlive() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

PgConnection::Poll PgConnection::beginReconnect()
{
    abandonReconnect();
    QByteArray password;
    {
        const QMutexLocker lock(&g_promptMutex);
        password = g_typed.value(m_display);
    }
    const ConnectParams params(m_uri, password);
    m_pending = PQconnectStartParams(params.keys, params.values, 1);
    password.fill('\0');
    if (!m_pending || PQstatus(m_pending) == CONNECTION_BAD) {
        m_reconnectError =
            m_pending ? QString::fromUtf8(PQerrorMessage(m_pending)).trimmed() : QString();
        abandonReconnect();
        return Poll::Failed;
    }
    // libpq's rule: before the first poll, wait as if it had asked to write.
    return Poll::Write;
}

PgConnection::Poll PgConnection::continueReconnect()
{
    if (!m_pending)
        return Poll::Failed;
    switch (PQconnectPoll(m_pending)) {
    case PGRES_POLLING_READING:
        return Poll::Read;
    case PGRES_POLLING_WRITING:
        return Poll::Write;
    case PGRES_POLLING_OK:
        PQfinish(m_conn);
        m_conn = m_pending;
        m_pending = nullptr;
        m_reconnectError.clear();
        return Poll::Done;
    default:
        m_reconnectError = QString::fromUtf8(PQerrorMessage(m_pending)).trimmed();
        abandonReconnect();
        return Poll::Failed;
    }
}

void PgConnection::abandonReconnect()
{
    PQfinish(m_pending);
    m_pending = nullptr;
}

int PgConnection::reconnectSocket() const
{
    // libpq may move to another socket between polls (another address of the host).
    return m_pending ? PQsocket(m_pending) : -1;
}

QString PgConnection::user() const
{
    return QString::fromUtf8(PQuser(m_conn));
}

int PgConnection::backendPid() const
{
    return PQbackendPID(m_conn);
}

} // namespace chronomap
