// PgStore: what a window needs of its connection to a shared story besides reads and writes:
// the user's role as the server sees it, the socket to watch, and reconnecting after the server
// or the network went away.
#include "pgstore.h"

#include "pgschema.h"

namespace chronomap {

namespace {

const char* tableOf(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Event:
        return "events";
    case EntityKind::Actor:
        return "actors";
    case EntityKind::Relation:
        return "relations";
    case EntityKind::Source:
        return "sources";
    case EntityKind::Annotation:
        return "annotations";
    case EntityKind::Scene:
        return "scenes";
    }
    return "events";
}

} // namespace

QString PgStore::role() const
{
    // Membership, not the client's word: pg_has_role follows the roles granted to this user,
    // directly or through another role.
    const PgResult r =
        exec("SELECT r.rolsuper OR pg_has_role(current_user, n.nspowner, 'MEMBER'), "
             "pg_has_role(current_user, 'chronomap_standards', 'MEMBER'), "
             "pg_has_role(current_user, 'chronomap_editor', 'MEMBER'), "
             "pg_has_role(current_user, 'chronomap_reporter', 'MEMBER'), "
             "pg_has_role(current_user, 'chronomap_viewer', 'MEMBER') "
             "FROM pg_roles r, pg_namespace n WHERE r.rolname = current_user AND n.nspname = "
             "'chronomap'",
             {});
    if (!r.rows())
        return {};
    static const char* const names[] = {"owner", "standards", "editor", "reporter", "viewer"};
    for (int i = 0; i < 5; ++i)
        if (r.text(0, i) == QLatin1String("t"))
            return QLatin1String(names[i]);
    return {};
}

bool PgStore::isConnected() const
{
    return m_conn->isAlive();
}

bool PgStore::ping()
{
    if (!m_conn->isAlive())
        return false;
    try {
        exec("SELECT 1", {});
        return true;
    } catch (const StoreError&) {
        return m_conn->isAlive();
    }
}

PgConnection::Poll PgStore::beginReconnect()
{
    return m_conn->beginReconnect();
}

PgConnection::Poll PgStore::continueReconnect()
{
    const PgConnection::Poll state = m_conn->continueReconnect();
    if (state != PgConnection::Poll::Done)
        return state;
    try {
        // A new session: what prepareSchema and openStory set up on the old one. The server
        // has just answered, so these few statements do not wait long.
        exec("SELECT set_config('search_path', 'chronomap, pg_catalog', false)", {});
        exec("SET client_min_messages = warning", {});
        exec("SELECT set_config('chronomap.quiet', 'on', false)", {}); // see prepareSchema
        if (isReadOnly())
            exec("SET default_transaction_read_only = on", {});
        exec(QByteArray("LISTEN " + channel().toUtf8()).constData(), {});
    } catch (const StoreError&) {
        return PgConnection::Poll::Failed;
    }
    m_outside.append({QStringLiteral("*"), 0});
    return state;
}

void PgStore::abandonReconnect()
{
    m_conn->abandonReconnect();
}

int PgStore::reconnectSocket() const
{
    return m_conn->reconnectSocket();
}

std::optional<PgStore::Stamp> PgStore::stampOf(EntityRef ref) const
{
    const QByteArray sql = QByteArray("SELECT version, changed_by, to_char(changed_at AT TIME "
                                      "ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM ") +
                           tableOf(ref.kind) + " WHERE story_id = $1 AND id = $2";
    const PgResult r = exec(sql.constData(), {story(), qint64(ref.id)});
    if (!r.rows())
        return std::nullopt;
    return Stamp{r.i64(0, 0), r.text(0, 1), r.text(0, 2)};
}

QList<Id> PgStore::ids(EntityKind kind) const
{
    const QByteArray sql = QByteArray("SELECT id FROM ") + tableOf(kind) + " WHERE story_id = $1";
    const PgResult r = exec(sql.constData(), {story()});
    QList<Id> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        out << r.i64(i, 0);
    return out;
}

} // namespace chronomap
