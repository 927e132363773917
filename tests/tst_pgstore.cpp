// The shared story on PostgreSQL: what only a server does. Two clients editing one entry (the
// second refused, naming who and when), roles enforced by the server against raw SQL, the
// server killed and restarted mid-edit without losing what was committed, notifications to
// other clients, many stories in one database, and the password kept out of every message.
#include "pgcluster.h"

#include "store/postgres/pgconnection.h"
#include "store/postgres/pgschema.h"
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
    void rawSqlEditsNotifyAndCountAsChanges();
    void reporterTakesBackOwnDraftsOnly();
    void referencesHoldWithoutPerRowKeys();
    void olderDatabaseIsMigrated_data();
    void olderDatabaseIsMigrated();
    void linksLockOnlyOthersEvents();

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
    // Deleting someone else's draft finds nothing the reporter may delete: the row stays.
    const QString del = m_pg->psql(
        QStringLiteral("WITH d AS (DELETE FROM chronomap.events WHERE ") + where +
            QStringLiteral(" RETURNING 1) SELECT count(*) FROM d"),
        QStringLiteral("rita"), &ok);
    QVERIFY2(ok, qPrintable(del));
    QCOMPARE(del, QStringLiteral("0"));
    QVERIFY(admin->event(id));
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

// psql bypasses the window: its edits still reach open windows (the schema's triggers
// notify), and still count as a change, so a window holding the older version is refused.
void TestPgStore::rawSqlEditsNotifyAndCountAsChanges()
{
    REQUIRE_PG();
    auto window = Store::open(m_pg->url(QStringLiteral("raw-sql")), Store::Mode::Create);
    const Id id = window->insertEvent(draft(QStringLiteral("Talks in Geneva")));
    Event mine = *window->event(id);
    auto* pg = dynamic_cast<PgStore*>(window.get());
    pg->takeOutsideChanges();
    bool ok = false;
    m_pg->psql(QStringLiteral("UPDATE chronomap.events SET title = 'Talks moved to Miami' WHERE "
                              "story_id = (SELECT id FROM chronomap.stories WHERE name = "
                              "'raw-sql') AND id = %1")
                   .arg(id),
               QString(), &ok);
    QVERIFY(ok);
    QList<std::pair<QString, Id>> seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += pg->takeOutsideChanges(), !seen.isEmpty()), 5000);
    QCOMPARE(seen.constFirst(), std::make_pair(QStringLiteral("event"), id));
    mine.summary = QStringLiteral("my words");
    const QString message = refusal([&] { window->updateEvent(mine); });
    QVERIFY2(message.contains(QLatin1String("chronomap_admin")), qPrintable(message));
    QCOMPARE(window->event(id)->title, QStringLiteral("Talks moved to Miami"));
    QVERIFY(window->event(id)->summary.isEmpty());
}

// Undo of an insert is a delete: a reporter may take back what they added while it is a
// draft, through the store and with psql alike, but nothing anyone else added.
void TestPgStore::reporterTakesBackOwnDraftsOnly()
{
    REQUIRE_PG();
    auto admin = Store::open(m_pg->url(QStringLiteral("undo-own")), Store::Mode::Create);
    m_pg->psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                              "'rosa') THEN CREATE ROLE rosa LOGIN; END IF; END$$"));
    dynamic_cast<PgStore&>(*admin).grantRole(QStringLiteral("rosa"), QStringLiteral("reporter"));
    auto rosa =
        Store::open(m_pg->url(QStringLiteral("undo-own"), QStringLiteral("rosa")), Store::Mode::ReadWrite);
    const Id hers = rosa->insertEvent(draft(QStringLiteral("Rosa's draft")));
    Actor a;
    a.name = QStringLiteral("Rosa's actor");
    const Id herActor = rosa->insertActor(a);
    Annotation note;
    note.target = EntityRef{EntityKind::Event, hers};
    note.author = QStringLiteral("rosa");
    note.body = QStringLiteral("check the date");
    note.created = QStringLiteral("2025-11-24T10:00:00Z");
    const Id herNote = rosa->insertAnnotation(note);
    const Id desk = admin->insertEvent(draft(QStringLiteral("The desk's draft")));
    a.name = QStringLiteral("The desk's actor");
    const Id deskActor = admin->insertActor(a);

    rosa->deleteAnnotation(herNote);
    rosa->deleteActor(herActor);
    rosa->deleteEvent(hers);
    QVERIFY(!admin->event(hers));
    QVERIFY(!admin->actor(herActor));
    QVERIFY(!admin->annotation(herNote));
    const QString event = refusal([&] { rosa->deleteEvent(desk); });
    QVERIFY2(event.contains(QLatin1String("role")), qPrintable(event));
    const QString actor = refusal([&] { rosa->deleteActor(deskActor); });
    QVERIFY2(actor.contains(QLatin1String("role")), qPrintable(actor));
    QVERIFY(admin->event(desk));
    QVERIFY(admin->actor(deskActor));

    // Once an editor confirmed it, even her own entry is no longer hers to delete.
    const Id confirmedLater = rosa->insertEvent(draft(QStringLiteral("Rosa's second")));
    Event e = *admin->event(confirmedLater);
    e.status = Verification::Confirmed;
    admin->updateEvent(e);
    QVERIFY(!refusal([&] { rosa->deleteEvent(confirmedLater); }).isEmpty());
    QVERIFY(admin->event(confirmedLater));
    // Nor can she make someone else's entry hers with psql.
    bool ok = false;
    m_pg->psql(QStringLiteral("UPDATE chronomap.events SET created_by = 'rosa' WHERE id = %1 AND "
                              "story_id = (SELECT id FROM chronomap.stories WHERE name = "
                              "'undo-own')")
                   .arg(desk),
               QStringLiteral("rosa"), &ok);
    QVERIFY(!refusal([&] { rosa->deleteEvent(desk); }).isEmpty());
    QVERIFY(admin->event(desk));
}

// Events, participations and tags check their references per statement (the bulk load's
// speed); what a foreign key did still holds: no participation of a missing actor, deleting
// an actor, a tag or an event takes its links along, deleting a category clears it.
void TestPgStore::referencesHoldWithoutPerRowKeys()
{
    REQUIRE_PG();
    auto store = Store::open(m_pg->url(QStringLiteral("references")), Store::Mode::Create);
    Category c;
    c.name = QStringLiteral("Diplomacy");
    const Id category = store->insertCategory(c);
    Actor a;
    a.name = QStringLiteral("Envoy");
    const Id envoy = store->insertActor(a);
    a.name = QStringLiteral("Minister");
    const Id minister = store->insertActor(a);
    Event e = draft(QStringLiteral("Meeting"));
    e.categoryId = category;
    e.actors = {{envoy, QStringLiteral("host")}, {minister, QString()}};
    e.tags = {QStringLiteral("talks")};
    const Id id = store->insertEvent(e);

    const QString story = QStringLiteral("(SELECT id FROM chronomap.stories WHERE name = "
                                         "'references')");
    bool ok = true;
    const QString missing = m_pg->psql(
        QStringLiteral("INSERT INTO chronomap.event_actors(story_id, event_id, actor_id) "
                       "VALUES (%1, %2, 999999)")
            .arg(story)
            .arg(id),
        QString(), &ok);
    QVERIFY(!ok);
    QVERIFY2(missing.contains(QLatin1String("actor that does not exist")), qPrintable(missing));
    const QString badCategory = m_pg->psql(
        QStringLiteral("UPDATE chronomap.events SET category_id = 424242 WHERE story_id = %1")
            .arg(story),
        QString(), &ok);
    QVERIFY(!ok);
    QVERIFY2(badCategory.contains(QLatin1String("category")), qPrintable(badCategory));

    store->deleteActor(minister);
    QCOMPARE(store->event(id)->actors.size(), 1);
    store->deleteCategory(category);
    QCOMPARE(store->event(id)->categoryId, Id(0));
    store->deleteEvent(id);
    QCOMPARE(m_pg->psql(QStringLiteral("SELECT count(*) FROM chronomap.event_actors WHERE "
                                       "story_id = %1")
                            .arg(story)),
             QStringLiteral("0"));
    QCOMPARE(m_pg->psql(QStringLiteral("SELECT count(*) FROM chronomap.event_tags WHERE "
                                       "story_id = %1")
                            .arg(story)),
             QStringLiteral("0"));
    store->insertEvent(draft(QStringLiteral("Another")));
    PgStore::dropStory(m_pg->url(QStringLiteral("references")));
    QCOMPARE(m_pg->psql(QStringLiteral("SELECT count(*) FROM chronomap.events e WHERE NOT EXISTS "
                                       "(SELECT FROM chronomap.stories s WHERE s.id = "
                                       "e.story_id)")),
             QStringLiteral("0"));
}

// A database that an older Chronomap set up (schema 2 or 3, with a story in it) is checked
// and migrated when first opened for editing; its story reads back whole, and the migrated
// checks still refuse a link to a missing event.
void TestPgStore::olderDatabaseIsMigrated_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("schema 2") << 2;
    QTest::newRow("schema 3") << 3;
}

void TestPgStore::olderDatabaseIsMigrated()
{
    REQUIRE_PG();
    QFETCH(int, version);
    const QString db = QStringLiteral("schema_%1").arg(version);
    m_pg->psql(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(db));
    m_pg->psql(QStringLiteral("CREATE DATABASE %1").arg(db));
    QString url = m_pg->url(QStringLiteral("old"));
    url.replace(QStringLiteral("/postgres?"), QStringLiteral("/%1?").arg(db));
    {
        auto conn = PgConnection::connect(PgLocator::parse(url));
        conn->exec("BEGIN");
        for (const pgschema::Migration& m : pgschema::migrations())
            if (m.to <= version)
                conn->exec(m.sql);
        conn->exec(QStringLiteral("UPDATE chronomap.schema_version SET version = %1")
                       .arg(version)
                       .toUtf8()
                       .constData());
        conn->exec(R"sql(
            INSERT INTO chronomap.stories(id, name) VALUES (1, 'old');
            INSERT INTO chronomap.categories(story_id, id, name) VALUES (1, 1, 'Sanctions');
            INSERT INTO chronomap.actors(story_id, id, name) VALUES (1, 1, 'Treasury');
            INSERT INTO chronomap.events(story_id, id, title, date, earliest, latest,
                nominal_start, nominal_end, category_id)
                VALUES (1, 1, 'Oil sanctions', '2025-10-22', 1761091200, 1761177599,
                        1761091200, 1761177599, 1);
            INSERT INTO chronomap.event_actors(story_id, event_id, actor_id) VALUES (1, 1, 1);
            COMMIT;)sql");
    }
    auto store = Store::open(url, Store::Mode::ReadWrite);
    QCOMPARE(store->schemaVersion(), pgschema::latestVersion());
    QCOMPARE(store->schemaVersion(), 4);
    const std::optional<Event> e = store->event(1);
    QVERIFY(e);
    QCOMPARE(e->title, QStringLiteral("Oil sanctions"));
    QCOMPARE(e->categoryId, Id(1));
    QCOMPARE(e->actors.size(), 1);
    // The search vector, no longer generated from version 4 on, keeps its words.
    QCOMPARE(store->search(QStringLiteral("sanctions")).size(), 1);
    store->deleteActor(1);
    QVERIFY(store->event(1)->actors.isEmpty());
    store.reset();
    QCOMPARE(Store::open(url, Store::Mode::ReadOnly)->schemaVersion(), 4);
    auto conn = PgConnection::connect(PgLocator::parse(url));
    bool refused = false;
    try {
        conn->exec("INSERT INTO chronomap.event_actors(story_id, event_id, actor_id) "
                   "VALUES (1, 999, 1)");
    } catch (const StoreError& error) {
        refused = error.message().contains(QLatin1String("event that does not exist"));
    }
    QVERIFY(refused);
}

// Version 4 locks only the events that other transactions wrote: an event this transaction
// added or changed is its own until it commits. A link to someone else's event still holds
// that event against a delete until the link commits, and a link to an event of another story
// is refused, even when the same id exists there.
void TestPgStore::linksLockOnlyOthersEvents()
{
    REQUIRE_PG();
    auto store = Store::open(m_pg->url(QStringLiteral("locks")), Store::Mode::Create);
    Actor a;
    a.name = QStringLiteral("Envoy");
    const Id envoy = store->insertActor(a);
    const Id held = store->insertEvent(draft(QStringLiteral("Held")));
    Store::open(m_pg->url(QStringLiteral("locks-other")), Store::Mode::Create);
    const QString story = QStringLiteral("(SELECT id FROM chronomap.stories WHERE name = "
                                         "'locks')");

    // An event and its link in one transaction: checked, and readable after the commit.
    m_pg->psql(QStringLiteral("BEGIN; INSERT INTO chronomap.events(story_id, id, title, date, "
                              "earliest, latest, nominal_start, nominal_end) VALUES (%1, 500, "
                              "'Own', '2025-10-22', 1, 2, 1, 2); INSERT INTO "
                              "chronomap.event_actors(story_id, event_id, actor_id) VALUES "
                              "(%1, 500, %2); COMMIT;")
                   .arg(story)
                   .arg(envoy));
    const std::optional<Event> own = store->event(500);
    QVERIFY(own);
    QCOMPARE(own->actors.size(), 1);

    // A link to an event id that only another story has is refused.
    m_pg->psql(QStringLiteral("INSERT INTO chronomap.events(story_id, id, title, date, earliest, "
                              "latest, nominal_start, nominal_end) SELECT id, 777, 'Elsewhere', "
                              "'2025-10-22', 1, 2, 1, 2 FROM chronomap.stories WHERE name = "
                              "'locks-other'"));
    bool ok = true;
    const QString crossed = m_pg->psql(
        QStringLiteral("INSERT INTO chronomap.event_actors(story_id, event_id, actor_id) "
                       "VALUES (%1, 777, %2)")
            .arg(story)
            .arg(envoy),
        QString(), &ok);
    QVERIFY(!ok);
    QVERIFY2(crossed.contains(QLatin1String("event that does not exist")), qPrintable(crossed));

    // An uncommitted link holds the event it refers to: a delete waits for it.
    auto linking = PgConnection::connect(PgLocator::parse(m_pg->url(QStringLiteral("locks"))));
    linking->exec("BEGIN");
    linking->exec(QStringLiteral("INSERT INTO chronomap.event_actors(story_id, event_id, "
                                 "actor_id) VALUES (%1, %2, %3)")
                      .arg(story)
                      .arg(held)
                      .arg(envoy)
                      .toUtf8()
                      .constData());
    const QString blocked = m_pg->psql(
        QStringLiteral("SET lock_timeout = '200ms'; DELETE FROM chronomap.events WHERE "
                       "story_id = %1 AND id = %2")
            .arg(story)
            .arg(held),
        QString(), &ok);
    QVERIFY(!ok);
    QVERIFY2(blocked.contains(QLatin1String("lock timeout")), qPrintable(blocked));
    linking->exec("COMMIT");
    QCOMPARE(store->event(held)->actors.size(), 1);
}

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pgstore.moc"
