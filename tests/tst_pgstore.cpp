// The shared story on PostgreSQL: what only a server does. Two clients editing one entry (the
// second refused, naming who and when), roles enforced by the server against raw SQL, the
// server killed and restarted mid-edit without losing what was committed, notifications to
// other clients, many stories in one database, and the password kept out of every message.
#include "pgcluster.h"

#include "store/postgres/pgconnection.h"
#include "store/postgres/pgstore.h"
#include "interchange/chronomapjson.h"
#include "store/storecopy.h"
#include "store/store.h"
#include "story/story.h"

#include <QTemporaryDir>

#include <QTest>

using namespace chronomap;
using namespace chronomap::testing;

class TestPgStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordNeverShown();
    void urlWithoutStoryIsRefused();
    void manyStoriesInOneDatabase();
    void secondEditOfOneEntryIsRefused();
    void reporterCannotClearOrDeleteWithRawSql();
    void rolesThroughTheStore();
    void notificationsReachOtherClients();
    void serverKilledMidEditLosesNothingCommitted();
    void newerSchemaIsRefused();
    void copyBetweenFileAndServerIsLossless();
    void timedAttributesAndOriginsOnTheServer();

private:
    PgCluster* m_pg = nullptr;
};

#define REQUIRE_PG()                                                                               \
    do {                                                                                           \
        if (!m_pg)                                                                                 \
            QSKIP(qPrintable(PgCluster::why()));                                                   \
    } while (false)

namespace {

Event draft(const QString& title)
{
    Event e;
    e.title = title;
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-23"));
    e.location = QStringLiteral("Geneva");
    return e;
}

QString refusal(const std::function<void()>& f)
{
    try {
        f();
    } catch (const StoreError& e) {
        return e.message();
    }
    return {};
}

} // namespace

void TestPgStore::initTestCase()
{
    m_pg = PgCluster::instance();
}

void TestPgStore::passwordNeverShown()
{
    // Shown forms of a URL drop the password in the user part and in the options.
    const QString url = QStringLiteral(
        "postgresql://desk:s3cr3t-pw@db.example.org:5433/news?story=Peace&password=s3cr3t-pw");
    const QString shown = PgLocator::withoutSecrets(url);
    QVERIFY(!shown.contains(QLatin1String("s3cr3t-pw")));
    QVERIFY(shown.contains(QLatin1String("desk@db.example.org:5433/news")));
    QVERIFY(shown.contains(QLatin1String("story=Peace")));
    // A failed connection names the server without the password.
    const QString bad = QStringLiteral(
        "postgresql://desk:s3cr3t-pw@127.0.0.1:1/news?story=Peace&connect_timeout=2");
    const QString message = refusal([&] { Store::open(bad, Store::Mode::ReadWrite); });
    QVERIFY(!message.isEmpty());
    QVERIFY2(!message.contains(QLatin1String("s3cr3t-pw")), qPrintable(message));
}

void TestPgStore::urlWithoutStoryIsRefused()
{
    const QString message = refusal(
        [] { Store::open(QStringLiteral("postgresql://localhost/news"), Store::Mode::ReadWrite); });
    QVERIFY2(message.contains(QLatin1String("story=")), qPrintable(message));
}

void TestPgStore::manyStoriesInOneDatabase()
{
    REQUIRE_PG();
    auto a = Store::open(m_pg->url(QStringLiteral("many-a")), Store::Mode::Create);
    auto b = Store::open(m_pg->url(QStringLiteral("many-b")), Store::Mode::Create);
    const Id ea = a->insertEvent(draft(QStringLiteral("only in a")));
    const Id eb = b->insertEvent(draft(QStringLiteral("only in b")));
    QCOMPARE(ea, Id(1)); // ids are per story
    QCOMPARE(eb, Id(1));
    QCOMPARE(a->events().size(), 1);
    QCOMPARE(a->event(ea)->title, QStringLiteral("only in a"));
    QCOMPARE(b->event(eb)->title, QStringLiteral("only in b"));
    QCOMPARE(a->search(QStringLiteral("only")).size(), 1);
    // A second story of the same name is refused, and a missing one is named.
    QVERIFY(!refusal([&] { Store::open(m_pg->url(QStringLiteral("many-a")), Store::Mode::Create); })
                 .isEmpty());
    QVERIFY(refusal([&] {
                Store::open(m_pg->url(QStringLiteral("no-such")), Store::Mode::ReadWrite);
            }).contains(QLatin1String("no story")));
}

void TestPgStore::secondEditOfOneEntryIsRefused()
{
    REQUIRE_PG();
    m_pg->psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                              "'alice') THEN CREATE ROLE alice LOGIN; END IF; END$$"));
    auto admin = Store::open(m_pg->url(QStringLiteral("conflict")), Store::Mode::Create);
    auto* pg = dynamic_cast<PgStore*>(admin.get());
    QVERIFY(pg);
    pg->grantRole(QStringLiteral("alice"), QStringLiteral("editor"));
    const Id id = admin->insertEvent(draft(QStringLiteral("Talks in Geneva")));

    auto first = Store::open(m_pg->url(QStringLiteral("conflict"), QStringLiteral("alice")),
                             Store::Mode::ReadWrite);
    auto second = Store::open(m_pg->url(QStringLiteral("conflict")), Store::Mode::ReadWrite);
    Event mine = *first->event(id);
    Event theirs = *second->event(id);
    mine.summary = QStringLiteral("first editor's words");
    first->updateEvent(mine);
    theirs.summary = QStringLiteral("second editor's words");
    const QString message = refusal([&] { second->updateEvent(theirs); });
    QVERIFY2(message.contains(QLatin1String("alice")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("UTC")), qPrintable(message));
    QCOMPARE(admin->event(id)->summary, QStringLiteral("first editor's words"));
    // Having read it again, the second editor may save.
    theirs = *second->event(id);
    theirs.summary = QStringLiteral("second editor's words");
    second->updateEvent(theirs);
    QCOMPARE(first->event(id)->summary, QStringLiteral("second editor's words"));
    // The audit log records the database user, whatever the client calls itself.
    ChangeRecord c;
    c.author = QStringLiteral("someone else");
    c.action = QStringLiteral("update");
    c.target = {EntityKind::Event, id};
    first->logChange(c);
    QCOMPARE(m_pg->psql(QStringLiteral("SELECT db_user FROM chronomap.changes c JOIN "
                                       "chronomap.stories s ON s.id = c.story_id WHERE s.name = "
                                       "'conflict' ORDER BY c.id DESC LIMIT 1")),
             QStringLiteral("alice"));
}

void TestPgStore::reporterCannotClearOrDeleteWithRawSql()
{
    REQUIRE_PG();
    auto admin = Store::open(m_pg->url(QStringLiteral("roles-sql")), Store::Mode::Create);
    m_pg->psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                              "'rita') THEN CREATE ROLE rita LOGIN; END IF; END$$"));
    dynamic_cast<PgStore&>(*admin).grantRole(QStringLiteral("rita"), QStringLiteral("reporter"));
    const Id id = admin->insertEvent(draft(QStringLiteral("Draft by the desk")));
    const QString where =
        QStringLiteral("story_id = (SELECT id FROM chronomap.stories WHERE name = 'roles-sql') "
                       "AND id = %1")
            .arg(id);
    bool ok = true;
    // psql as the reporter: editing the draft's words works, clearing and deleting do not.
    m_pg->psql(QStringLiteral("UPDATE chronomap.events SET summary = 'edited' WHERE ") + where,
               QStringLiteral("rita"), &ok);
    QVERIFY(ok);
    const QString clear = m_pg->psql(
        QStringLiteral("UPDATE chronomap.events SET status = 3 WHERE ") + where,
        QStringLiteral("rita"), &ok);
    QVERIFY2(!ok, qPrintable(clear));
    QVERIFY2(clear.contains(QLatin1String("row-level security")), qPrintable(clear));
    const QString del = m_pg->psql(QStringLiteral("DELETE FROM chronomap.events WHERE ") + where,
                                   QStringLiteral("rita"), &ok);
    QVERIFY2(!ok, qPrintable(del));
    QVERIFY2(del.contains(QLatin1String("permission denied")), qPrintable(del));
    const Event now = *admin->event(id);
    QCOMPARE(now.summary, QStringLiteral("edited"));
    QCOMPARE(now.status, Verification::Draft);
}

void TestPgStore::rolesThroughTheStore()
{
    REQUIRE_PG();
    auto admin = Store::open(m_pg->url(QStringLiteral("roles-app")), Store::Mode::Create);
    for (const char* user : {"vera", "rob", "eddie", "stan"})
        m_pg->psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname "
                                  "= '%1') THEN CREATE ROLE %1 LOGIN; END IF; END$$")
                       .arg(QLatin1String(user)));
    auto& pg = dynamic_cast<PgStore&>(*admin);
    pg.grantRole(QStringLiteral("vera"), QStringLiteral("viewer"));
    pg.grantRole(QStringLiteral("rob"), QStringLiteral("reporter"));
    pg.grantRole(QStringLiteral("eddie"), QStringLiteral("editor"));
    pg.grantRole(QStringLiteral("stan"), QStringLiteral("standards"));
    QVERIFY(!refusal([&] { pg.grantRole(QStringLiteral("rob"), QStringLiteral("boss")); })
                 .isEmpty());
    const QString url = m_pg->url(QStringLiteral("roles-app"), QStringLiteral("%1"));
    auto as = [&](const char* user) {
        return Store::open(url.arg(QLatin1String(user)), Store::Mode::ReadWrite);
    };
    auto vera = as("vera");
    QVERIFY(!refusal([&] { vera->insertEvent(draft(QStringLiteral("x"))); }).isEmpty());
    auto rob = as("rob");
    const Id id = rob->insertEvent(draft(QStringLiteral("Rob's draft")));
    Event e = *rob->event(id);
    e.status = Verification::Confirmed;
    QVERIFY(!refusal([&] { rob->updateEvent(e); }).isEmpty());
    auto eddie = as("eddie");
    e = *eddie->event(id);
    e.status = Verification::Confirmed;
    eddie->updateEvent(e);
    e = *eddie->event(id);
    e.status = Verification::Cleared;
    QVERIFY(!refusal([&] { eddie->updateEvent(e); }).isEmpty());
    QVERIFY(!refusal([&] { eddie->deleteEvent(id); }).isEmpty());
    auto stan = as("stan");
    e = *stan->event(id);
    e.status = Verification::Cleared;
    stan->updateEvent(e);
    QCOMPARE(admin->event(id)->status, Verification::Cleared);
    stan->deleteEvent(id);
    QVERIFY(!admin->event(id));
}

void TestPgStore::notificationsReachOtherClients()
{
    REQUIRE_PG();
    auto writer = Store::open(m_pg->url(QStringLiteral("live")), Store::Mode::Create);
    auto reader = Store::open(m_pg->url(QStringLiteral("live")), Store::Mode::ReadWrite);
    auto* pg = dynamic_cast<PgStore*>(reader.get());
    QVERIFY(pg->takeOutsideChanges().isEmpty());
    const qint64 before = reader->dataVersion();
    const Id id = writer->insertEvent(draft(QStringLiteral("breaking")));
    // Delivery is asynchronous: poll the connection until it is there (collecting, since the
    // condition is evaluated more than once).
    QList<std::pair<QString, Id>> seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += pg->takeOutsideChanges(), !seen.isEmpty()), 5000);
    QCOMPARE(seen.constFirst().first, QStringLiteral("event"));
    QCOMPARE(seen.constFirst().second, id);
    QVERIFY(reader->dataVersion() != before);
    // A client does not hear its own writes.
    QVERIFY(dynamic_cast<PgStore&>(*writer).takeOutsideChanges().isEmpty());
}

void TestPgStore::serverKilledMidEditLosesNothingCommitted()
{
    REQUIRE_PG();
    auto store = Store::open(m_pg->url(QStringLiteral("killed")), Store::Mode::Create);
    QList<Id> committed;
    for (int i = 0; i < 20; ++i)
        committed << store->insertEvent(draft(QStringLiteral("committed %1").arg(i)));
    {
        // An edit in flight when the server dies: begun, not committed.
        Store::Transaction tx(*store);
        store->insertEvent(draft(QStringLiteral("in flight")));
        QVERIFY(m_pg->killAndRestart());
        QVERIFY(!refusal([&] { tx.commit(); }).isEmpty());
    }
    // A new connection sees every committed edit and nothing of the one in flight.
    auto again = Store::open(m_pg->url(QStringLiteral("killed")), Store::Mode::ReadWrite);
    QCOMPARE(again->counts().events, qint64(committed.size()));
    for (int i = 0; i < committed.size(); ++i)
        QCOMPARE(again->event(committed[i])->title, QStringLiteral("committed %1").arg(i));
}

void TestPgStore::newerSchemaIsRefused()
{
    REQUIRE_PG();
    Store::open(m_pg->url(QStringLiteral("newer")), Store::Mode::Create);
    m_pg->psql(QStringLiteral("UPDATE chronomap.schema_version SET version = version + 100"));
    const QString message = refusal(
        [&] { Store::open(m_pg->url(QStringLiteral("newer")), Store::Mode::ReadWrite); });
    m_pg->psql(QStringLiteral("UPDATE chronomap.schema_version SET version = version - 100"));
    QVERIFY2(message.contains(QLatin1String("newer")), qPrintable(message));
}

// The seed story (every kind of entry, notes with replies, scenes, an audit log) to the server
// and back: the Chronomap JSON export is the same byte for byte on all three.
void TestPgStore::copyBetweenFileAndServerIsLossless()
{
    REQUIRE_PG();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("seed.chronomap"));
    Story::create(file);
    auto source = Store::open(file, Store::Mode::ReadOnly);
    const QByteArray fromFile = writeStoryJson(*source);
    QVERIFY(fromFile.size() > 1000);
    copyStoryTo(*source, m_pg->url(QStringLiteral("copied")));
    auto shared = Store::open(m_pg->url(QStringLiteral("copied")), Store::Mode::ReadOnly);
    QCOMPARE(writeStoryJson(*shared), fromFile);
    const QString back = dir.filePath(QStringLiteral("back.chronomap"));
    copyStoryTo(*shared, back);
    auto returned = Store::open(back, Store::Mode::ReadOnly);
    QCOMPARE(writeStoryJson(*returned), fromFile);
    QCOMPARE(returned->counts().changes, source->counts().changes);
}

// Typed attributes with timed values, and where imported entries came from, go to the server
// and back with the copy (the server keeps timed values in its attributes column, no schema
// change).
void TestPgStore::timedAttributesAndOriginsOnTheServer()
{
    REQUIRE_PG();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("timed.chronomap"));
    Attributes attributes = {
        Attribute{QStringLiteral("Modularity Class"), AttributeType::Integer, QStringLiteral("3")},
        Attribute{QStringLiteral("Score"), AttributeType::Double, QString(),
                  {{QStringLiteral("0.5"), QStringLiteral("2020-01-01"), QStringLiteral("2020-12-31")},
                   {QStringLiteral("0.75"), QStringLiteral("2021"), QString()}}},
    };
    {
        auto s = Store::open(file, Store::Mode::Create);
        Actor a;
        a.name = QStringLiteral("Alpha");
        a.attributes = attributes;
        const Id id = s->insertActor(a);
        s->setOrigin(EntityKind::Actor, QStringLiteral("gexf"), QStringLiteral("n0"),
                     Store::OriginRow{id, QStringLiteral("{}"), QStringLiteral("{}")});
    }
    auto source = Store::open(file, Store::Mode::ReadOnly);
    QCOMPARE(source->actors().first().attributes, attributes);
    copyStoryTo(*source, m_pg->url(QStringLiteral("timed")));
    auto shared = Store::open(m_pg->url(QStringLiteral("timed")), Store::Mode::ReadOnly);
    QCOMPARE(shared->actors().first().attributes, attributes);
    QCOMPARE(shared->allOrigins().size(), 1);
    QCOMPARE(shared->allOrigins().first().key, QStringLiteral("n0"));
    QCOMPARE(shared->origins(EntityKind::Actor, QStringLiteral("gexf")).value(QStringLiteral("n0")).id,
             source->actors().first().id);
    const QString back = dir.filePath(QStringLiteral("back.chronomap"));
    copyStoryTo(*shared, back);
    auto returned = Store::open(back, Store::Mode::ReadOnly);
    QCOMPARE(returned->actors().first().attributes, attributes);
    QCOMPARE(returned->allOrigins().size(), 1);
    QCOMPARE(writeStoryJson(*returned), writeStoryJson(*source));
}

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pgstore.moc"
