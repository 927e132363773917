// Every entity's insert, update and bulk insert keep every field, compared field by field, on
// every backend. Each update changes every field at once, so a write that drops one (an
// update that forgets the location, a bulk load that forgets it) fails here.
#include "storebackends.h"

#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;
using namespace chronomap::testing;

class TestStoreRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void events_data() { backendRows(); }
    void events();
    void bulkEvents_data() { backendRows(); }
    void bulkEvents();
    void bulkSearchFindsWhatSingleInsertsFind_data() { backendRows(); }
    void bulkSearchFindsWhatSingleInsertsFind();
    void bulkEventsKeepGivenIdsAndAttributes();
    void bulkEventsRefuseAnUndatedOneWhole();
    void actors_data() { backendRows(); }
    void actors();
    void relations_data() { backendRows(); }
    void relations();
    void sourcesAndCitations_data() { backendRows(); }
    void sourcesAndCitations();
    void annotations_data() { backendRows(); }
    void annotations();
    void categoriesErasScenes_data() { backendRows(); }
    void categoriesErasScenes();
    void auditLog_data() { backendRows(); }
    void auditLog();
    void origins_data() { backendRows(); }
    void origins();

private:
    static void backendRows()
    {
        addBackendColumn();
        for (const QString& b : backends())
            QTest::newRow(qPrintable(b)) << b;
    }
    QString storyName() const
    {
        return QString::fromLatin1(QTest::currentTestFunction()).toLower();
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QString kNasty = QStringLiteral("It's \"late\"; DROP TABLE events; -- 🕊️ שלום e\u0301\n\t");

// Each comparison names every field. The structured binding stops compiling when the entity
// gains a field: add the field to the comparison (and to the values the tests write).
void compare(const Event& got, const Event& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.title, want.title);
    QCOMPARE(got.summary, want.summary);
    QCOMPARE(got.date.edtf(), want.date.edtf());
    QCOMPARE(got.date.flags(), want.date.flags());
    QCOMPARE(got.date.earliest(), want.date.earliest());
    QCOMPARE(got.date.latest(), want.date.latest());
    QCOMPARE(got.displayDate, want.displayDate);
    QCOMPARE(got.categoryId, want.categoryId);
    QCOMPARE(got.tags, want.tags);
    QCOMPARE(got.importance, want.importance);
    QCOMPARE(got.location, want.location);
    QCOMPARE(int(got.status), int(want.status));
    QCOMPARE(got.uid, want.uid);
    QCOMPARE(got.actors.size(), want.actors.size());
    for (qsizetype i = 0; i < want.actors.size(); ++i) {
        QCOMPARE(got.actors[i].actorId, want.actors[i].actorId);
        QCOMPARE(got.actors[i].role, want.actors[i].role);
    }
    QVERIFY(got.attributes == want.attributes);
    QVERIFY(got == want);
}

void compare(const Actor& got, const Actor& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.name, want.name);
    QCOMPARE(got.kindKnown, want.kindKnown);
    QVERIFY(got.attributes == want.attributes);
    QCOMPARE(int(got.kind), int(want.kind));
    QCOMPARE(got.role, want.role);
    QCOMPARE(got.description, want.description);
    QCOMPARE(got.color.isValid(), want.color.isValid());
    QCOMPARE(got.color.name(QColor::HexArgb), want.color.name(QColor::HexArgb));
    QCOMPARE(got.pinnedX.has_value(), want.pinnedX.has_value());
    QCOMPARE(got.pinnedX.value_or(-1), want.pinnedX.value_or(-1));
    QCOMPARE(got.pinnedY.has_value(), want.pinnedY.has_value());
    QCOMPARE(got.pinnedY.value_or(-1), want.pinnedY.value_or(-1));
    QVERIFY(got == want);
}

void compare(const Relation& got, const Relation& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = want;
    QCOMPARE(got.id, want.id);
    QVERIFY(got.attributes == want.attributes);
    QCOMPARE(got.sourceId, want.sourceId);
    QCOMPARE(got.targetId, want.targetId);
    QCOMPARE(got.type, want.type);
    QCOMPARE(got.directed, want.directed);
    QCOMPARE(got.valid.isValid(), want.valid.isValid());
    QCOMPARE(got.valid.edtf(), want.valid.edtf());
    QCOMPARE(got.weight, want.weight);
    QCOMPARE(int(got.status), int(want.status));
    QCOMPARE(got.description, want.description);
    QVERIFY(got == want);
}

void compare(const Source& got, const Source& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.title, want.title);
    QCOMPARE(got.publisher, want.publisher);
    QCOMPARE(got.url, want.url);
    QCOMPARE(got.date, want.date);
    QCOMPARE(got.retrieved, want.retrieved);
    QCOMPARE(got.text, want.text);
    QVERIFY(got == want);
}

void compare(const Citation& got, const Citation& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.sourceId, want.sourceId);
    QCOMPARE(int(got.target.kind), int(want.target.kind));
    QCOMPARE(got.target.id, want.target.id);
    QCOMPARE(got.quote, want.quote);
    QCOMPARE(got.locator, want.locator);
    QVERIFY(got == want);
}

void compare(const Annotation& got, const Annotation& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(int(got.target.kind), int(want.target.kind));
    QCOMPARE(got.target.id, want.target.id);
    QCOMPARE(got.parentId, want.parentId);
    QCOMPARE(got.author, want.author);
    QCOMPARE(got.body, want.body);
    QCOMPARE(got.created, want.created);
    QCOMPARE(got.resolved, want.resolved);
    QVERIFY(got == want);
}

void compare(const Category& got, const Category& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.name, want.name);
    QCOMPARE(got.color.name(QColor::HexArgb), want.color.name(QColor::HexArgb));
    QCOMPARE(got.position, want.position);
    QVERIFY(got == want);
}

void compare(const Era& got, const Era& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.title, want.title);
    QCOMPARE(got.date.edtf(), want.date.edtf());
    QCOMPARE(got.color.name(QColor::HexArgb), want.color.name(QColor::HexArgb));
    QVERIFY(got == want);
}

void compare(const Scene& got, const Scene& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.name, want.name);
    QCOMPARE(got.position, want.position);
    QCOMPARE(got.caption, want.caption);
    QCOMPARE(got.state, want.state);
    QVERIFY(got == want);
}

void compare(const ChangeRecord& got, const ChangeRecord& want)
{
    [[maybe_unused]] const auto& [f1, f2, f3, f4, f5, f6, f7] = want;
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.at, want.at);
    QCOMPARE(got.author, want.author);
    QCOMPARE(got.action, want.action);
    QCOMPARE(int(got.target.kind), int(want.target.kind));
    QCOMPARE(got.target.id, want.target.id);
    QCOMPARE(got.before, want.before);
    QCOMPARE(got.after, want.after);
}

#define COMPARE_ENTITY(got, want)                                                                  \
    do {                                                                                           \
        const auto g_ = (got);                                                                     \
        QVERIFY2(g_.has_value(), "the entity was not found");                                      \
        compare(*g_, (want));                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// Two stored actors, a category each: what events point at.
struct Fixture
{
    Id actor1 = 0, actor2 = 0, category1 = 0, category2 = 0;
    explicit Fixture(Store& s)
    {
        actor1 = s.insertActor(Actor{0, QStringLiteral("Witkoff"), ActorKind::Person, {}, {},
                                     QColor(), std::nullopt, std::nullopt, true, {}});
        actor2 = s.insertActor(Actor{0, QStringLiteral("Russia"), ActorKind::State, {}, {},
                                     QColor(), std::nullopt, std::nullopt, false,
                                     {Attribute{QStringLiteral("Modularity Class"),
                                                AttributeType::Integer, QStringLiteral("3")}}});
        category1 = s.insertCategory(Category{0, QStringLiteral("Diplomacy"), QColor(), 0});
        category2 = s.insertCategory(Category{0, QStringLiteral("Military"), QColor(), 1});
    }
};

Event fullEvent(const Fixture& f, int variant)
{
    const QString n = QString::number(variant);
    Event e;
    e.title = QStringLiteral("Talks ") + n + kNasty;
    e.summary = QStringLiteral("Summary ") + n;
    e.date = PartialDate::fromEdtf(variant % 2 ? QStringLiteral("2025?-10-21~/2025?-10-31~")
                                               : QStringLiteral("2024-03-0%1").arg(1 + variant % 9));
    e.displayDate = QStringLiteral("late October ") + n;
    e.categoryId = variant % 2 ? f.category1 : f.category2;
    e.tags = {QStringLiteral("talks-") + n, QStringLiteral("tag ✍️ ") + n};
    e.importance = 1 + variant % 5;
    e.location = QStringLiteral("Miami ") + n;
    e.status = variant % 2 ? Verification::Disputed : Verification::Confirmed;
    e.uid = QStringLiteral("uid-") + n;
    e.actors = {Participation{variant % 2 ? f.actor1 : f.actor2, QStringLiteral("envoy ") + n}};
    if (variant % 3 == 0)
        e.actors << Participation{variant % 2 ? f.actor2 : f.actor1, QStringLiteral("host")};
    return e;
}

} // namespace

void TestStoreRoundTrip::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStoreRoundTrip::events()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    Event a = fullEvent(f, 1);
    a.id = store->insertEvent(a);
    QVERIFY(a.id > 0);
    COMPARE_ENTITY(store->event(a.id), a);
    // Every field changes at once.
    Event b = fullEvent(f, 2);
    b.id = a.id;
    store->updateEvent(b);
    COMPARE_ENTITY(store->event(a.id), b);
    QCOMPARE(store->events().size(), 1);
    compare(store->events().constFirst(), b);
    // And back to defaults where a field has one: no category, tags or actors, draft.
    Event c = b;
    c.categoryId = 0;
    c.tags.clear();
    c.actors.clear();
    c.status = Verification::Draft;
    c.importance = 0;
    c.location.clear();
    c.summary.clear();
    c.displayDate.clear();
    c.uid.clear();
    store->updateEvent(c);
    COMPARE_ENTITY(store->event(a.id), c);
    // A kept id (undo re-creates the row it deleted).
    store->deleteEvent(a.id);
    QVERIFY(!store->event(a.id));
    QCOMPARE(store->insertEvent(b), a.id);
    COMPARE_ENTITY(store->event(a.id), b);
    const QList<Event> ofActor = store->eventsOfActor(b.actors.constFirst().actorId);
    QCOMPARE(ofActor.size(), 1);
    compare(ofActor.constFirst(), b);
}

void TestStoreRoundTrip::bulkEvents()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    // 16-row statements and single rows both: 2 x 16 + 9.
    QList<Event> want;
    for (int i = 0; i < 41; ++i)
        want << fullEvent(f, i);
    qsizetype next = 0;
    const Store::BulkTimings t = store->bulkInsertEvents([&](Event& e) {
        if (next == want.size())
            return false;
        e = want[next++];
        return true;
    });
    Id id = t.firstId;
    for (Event& e : want)
        e.id = id++;
    QCOMPARE(store->counts().events, qint64(want.size()));
    for (const Event& e : want) {
        COMPARE_ENTITY(store->event(e.id), e);
    }
    // The search index was built too.
    QVERIFY(!store->search(QStringLiteral("Miami")).isEmpty());
}

// The bulk load writes its own search index (on the server, the words a query is split into);
// a search must find a bulk-loaded event exactly where it finds the same event inserted alone:
// letters beyond ASCII in either case, hyphenated words, digits, prefixes.
void TestStoreRoundTrip::bulkSearchFindsWhatSingleInsertsFind()
{
    CREATE_STORE(store, *m_dir, storyName());
    Event e;
    e.title = QStringLiteral("Élysée hosts 28-point talks");
    e.summary = QStringLiteral("Ukrainian and Qatari envoys, Zürich follow-up");
    e.location = QStringLiteral("Paris");
    e.displayDate = QStringLiteral("late October 2025");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-21~/2025-10-31~"));
    const Id single = store->insertEvent(e);
    bool given = false;
    const Id bulk = store->bulkInsertEvents([&](Event& next) {
                             if (given)
                                 return false;
                             next = e;
                             given = true;
                             return true;
                         })
                        .firstId;
    QVERIFY(bulk != single);
    const QStringList queries = {
        QStringLiteral("Élysée"),  QStringLiteral("élysée"),    QStringLiteral("28-point"),
        QStringLiteral("point"),   QStringLiteral("28"),        QStringLiteral("zürich"),
        QStringLiteral("Zür"),     QStringLiteral("envoys"),    QStringLiteral("qatari env"),
        QStringLiteral("paris"),   QStringLiteral("october 2025"), QStringLiteral("follow"),
        QStringLiteral("up"),      QStringLiteral("missing")};
    for (const QString& q : queries) {
        QSet<Id> found;
        for (const SearchHit& h : store->search(q))
            if (h.ref.kind == EntityKind::Event)
                found.insert(h.ref.id);
        QVERIFY2(found.contains(single) == found.contains(bulk), qPrintable(q));
        QVERIFY2(found.contains(bulk) == (q != QLatin1String("missing")), qPrintable(q));
    }
    // An edit of a bulk-loaded event re-indexes it.
    std::optional<Event> edited = store->event(bulk);
    QVERIFY(edited);
    edited->title = QStringLiteral("Geneva round");
    store->updateEvent(*edited);
    auto finds = [&](const QString& q) {
        for (const SearchHit& h : store->search(q))
            if (h.ref == EntityRef{EntityKind::Event, bulk})
                return true;
        return false;
    };
    QVERIFY(finds(QStringLiteral("Geneva")));
    QVERIFY(!finds(QStringLiteral("Élysée")));
}

// The story file's bulk load prepares rows on the producer's thread (ids, texts, links): an
// event that brings its id keeps it and the next ones continue after it; attributes and tags
// come along; texts of every batch arrive intact (three batches of 2048).
void TestStoreRoundTrip::bulkEventsKeepGivenIdsAndAttributes()
{
    auto store = Store::open(m_dir->filePath(QStringLiteral("ids.chronomap")), Store::Mode::Create);
    const Fixture f(*store);
    QList<Event> want;
    for (int i = 0; i < 5000; ++i) {
        Event e = fullEvent(f, i);
        e.tags.clear();
        if (i == 2500) {
            e.id = 90000;
            e.tags = {QStringLiteral("given")};
            e.attributes = {Attribute{QStringLiteral("degree"), AttributeType::Integer,
                                      QStringLiteral("7")}};
        }
        want << e;
    }
    qsizetype next = 0;
    const Id first = store->bulkInsertEvents([&](Event& e) {
                              if (next == want.size())
                                  return false;
                              e = want[next++];
                              return true;
                          })
                         .firstId;
    Id id = first;
    for (Event& e : want) {
        if (e.id)
            id = e.id;
        e.id = id++;
    }
    QCOMPARE(want[2499].id, first + 2499);
    QCOMPARE(want[2501].id, Id(90001));
    QCOMPARE(store->counts().events, qint64(want.size()));
    for (const Event& e : want) {
        COMPARE_ENTITY(store->event(e.id), e);
    }
}

// An event without a valid date, found by the producer in a later batch, refuses the whole
// load: the rows of the batches before it are not kept.
void TestStoreRoundTrip::bulkEventsRefuseAnUndatedOneWhole()
{
    auto store =
        Store::open(m_dir->filePath(QStringLiteral("undated.chronomap")), Store::Mode::Create);
    const Fixture f(*store);
    int made = 0;
    QString message;
    try {
        store->bulkInsertEvents([&](Event& e) {
            if (made == 6000)
                return false;
            e = fullEvent(f, made);
            if (made == 4500)
                e.date = PartialDate();
            ++made;
            return true;
        });
    } catch (const StoreError& error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QStringLiteral("has no valid date")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Talks 4500")), qPrintable(message));
    QCOMPARE(store->counts().events, qint64(0));
    for (const SearchHit& h : store->search(QStringLiteral("Talks")))
        QVERIFY(h.ref.kind != EntityKind::Event);
}

void TestStoreRoundTrip::actors()
{
    CREATE_STORE(store, *m_dir, storyName());
    Actor a{0,   QStringLiteral("Kirill Dmitriev") + kNasty,
            ActorKind::Person, QStringLiteral("envoy"),
            kNasty, QColor(213, 94, 0),
            1.5, -2.25, false,
            {Attribute{QStringLiteral("degree"), AttributeType::Integer, QStringLiteral("7")},
             Attribute{QStringLiteral("tags"), AttributeType::List, QStringLiteral("a|b")}}};
    a.id = store->insertActor(a);
    COMPARE_ENTITY(store->actor(a.id), a);
    Actor b{a.id, QStringLiteral("RDIF"),        ActorKind::Organization,
            QStringLiteral("fund"), QStringLiteral("sovereign wealth fund"), QColor(0, 114, 178, 128),
            -7.0, 3.5, true, {}};
    store->updateActor(b);
    COMPARE_ENTITY(store->actor(a.id), b);
    Actor c = b;
    c.color = QColor();
    c.pinnedX.reset();
    c.pinnedY.reset();
    store->updateActor(c);
    COMPARE_ENTITY(store->actor(a.id), c);
    QCOMPARE(store->actors().size(), 1);
    compare(store->actors().constFirst(), c);
}

void TestStoreRoundTrip::relations()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    const Id third = store->insertActor(
        Actor{0, QStringLiteral("Ukraine"), ActorKind::State, {}, {}, QColor(), {}, {}, true, {}});
    Relation a{0,    f.actor1, f.actor2, QStringLiteral("represents"),
               true, PartialDate::fromEdtf(QStringLiteral("2025-10")),
               2.5,  Verification::Confirmed, kNasty,
               {Attribute{QStringLiteral("viz:thickness"), AttributeType::Double,
                          QStringLiteral("2.5")}}};
    a.id = store->insertRelation(a);
    COMPARE_ENTITY(store->relation(a.id), a);
    Relation b{a.id,  f.actor2, third, QStringLiteral("negotiates with"),
               false, PartialDate::fromEdtf(QStringLiteral("2025-11-24/2025-11-30")),
               0.75,  Verification::Disputed, QStringLiteral("Geneva"), {}};
    store->updateRelation(b);
    COMPARE_ENTITY(store->relation(a.id), b);
    Relation c = b;
    c.valid = PartialDate();
    c.status = Verification::Cleared;
    store->updateRelation(c);
    COMPARE_ENTITY(store->relation(a.id), c);
    QCOMPARE(store->relations().size(), 1);
    compare(store->relations().constFirst(), c);
}

void TestStoreRoundTrip::sourcesAndCitations()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    Event e = fullEvent(f, 1);
    e.id = store->insertEvent(e);
    Source a{0,
             QStringLiteral("Article") + kNasty,
             QStringLiteral("Desk"),
             QStringLiteral("https://example.org/a?b=c&d=\"e\""),
             QStringLiteral("2025-11"),
             QStringLiteral("2025-11-24"),
             kNasty};
    a.id = store->insertSource(a);
    COMPARE_ENTITY(store->source(a.id), a);
    Source b{a.id,
             QStringLiteral("Reuters"),
             QStringLiteral("Wire"),
             QStringLiteral("https://example.org/b"),
             QStringLiteral("2025-12"),
             QStringLiteral("2025-12-01"),
             QStringLiteral("full text")};
    store->updateSource(b);
    COMPARE_ENTITY(store->source(a.id), b);
    const Id other = store->insertSource(Source{0, QStringLiteral("AP"), {}, {}, {}, {}, {}});

    Citation c{0, a.id, EntityRef{EntityKind::Event, e.id}, kNasty, QStringLiteral("¶4")};
    c.id = store->insertCitation(c);
    COMPARE_ENTITY(store->citation(c.id), c);
    Citation d{c.id, other, EntityRef{EntityKind::Actor, f.actor2}, QStringLiteral("quote"),
               QStringLiteral("p. 7")};
    store->updateCitation(d);
    COMPARE_ENTITY(store->citation(c.id), d);
    QCOMPARE(store->citationsOf(EntityRef{EntityKind::Actor, f.actor2}).size(), 1);
    compare(store->citationsOf(EntityRef{EntityKind::Actor, f.actor2}).constFirst(), d);
    QVERIFY(store->citationsOf(EntityRef{EntityKind::Event, e.id}).isEmpty());
    compare(store->citations().constFirst(), d);
}

void TestStoreRoundTrip::annotations()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    Annotation a{0,     EntityRef{EntityKind::Actor, f.actor1},   0,    QStringLiteral("editor ✍️"),
                 kNasty, QStringLiteral("2025-11-25T10:00:00Z"), false};
    a.id = store->insertAnnotation(a);
    COMPARE_ENTITY(store->annotation(a.id), a);
    Annotation reply{0,    EntityRef{EntityKind::Actor, f.actor1},   a.id, QStringLiteral("desk"),
                     QStringLiteral("checked"), QStringLiteral("2025-11-25T11:00:00Z"), false};
    reply.id = store->insertAnnotation(reply);
    COMPARE_ENTITY(store->annotation(reply.id), reply);
    Annotation b{reply.id, EntityRef{EntityKind::Actor, f.actor2}, a.id,
                 QStringLiteral("standards"), QStringLiteral("resolved: two sources"),
                 QStringLiteral("2025-11-26T09:30:00Z"), true};
    store->updateAnnotation(b);
    COMPARE_ENTITY(store->annotation(reply.id), b);
    QCOMPARE(store->annotationsOf(EntityRef{EntityKind::Actor, f.actor2}).size(), 1);
    compare(store->annotationsOf(EntityRef{EntityKind::Actor, f.actor2}).constFirst(), b);
    compare(store->annotations().constLast(), b);
    // A note without a time gets the time of writing.
    Annotation now{0, EntityRef{EntityKind::Actor, f.actor1}, 0, QStringLiteral("x"),
                   QStringLiteral("y"), {}, false};
    QVERIFY(!store->annotation(store->insertAnnotation(now))->created.isEmpty());
}

void TestStoreRoundTrip::categoriesErasScenes()
{
    CREATE_STORE(store, *m_dir, storyName());
    Category a{0, QStringLiteral("Diplomacy") + kNasty, QColor(0, 114, 178), 2};
    a.id = store->insertCategory(a);
    compare(store->categories().value(0), a);
    Category b{a.id, QStringLiteral("Talks"), QColor(10, 20, 30, 40), 7};
    store->updateCategory(b);
    compare(store->categories().value(0), b);

    Era era{0, QStringLiteral("Geneva round") + kNasty,
            PartialDate::fromEdtf(QStringLiteral("2025-11-23/2025-11-30")), QColor(1, 2, 3)};
    era.id = store->insertEra(era);
    compare(store->eras().value(0), era);

    Scene s{0, QStringLiteral("Opening"), 1, kNasty, QStringLiteral("{\"from\":1}")};
    s.id = store->insertScene(s);
    compare(store->scenes().value(0), s);
    Scene t{s.id, QStringLiteral("Close"), 4, QStringLiteral("caption"),
            QStringLiteral("{\"to\":2}")};
    store->updateScene(t);
    compare(store->scenes().value(0), t);
}

void TestStoreRoundTrip::auditLog()
{
    CREATE_STORE(store, *m_dir, storyName());
    ChangeRecord c;
    c.at = QStringLiteral("2025-11-25T10:00:00Z");
    c.author = QStringLiteral("editor ✍️");
    c.action = QStringLiteral("update");
    c.target = EntityRef{EntityKind::Relation, 42};
    c.before = QStringLiteral("{\"status\":\"draft\"}");
    c.after = kNasty;
    c.id = store->logChange(c);
    QCOMPARE(store->changes().size(), 1);
    compare(store->changes().constFirst(), c);
    const QList<ChangeRecord> about = store->changes(EntityRef{EntityKind::Relation, 42});
    QCOMPARE(about.size(), 1);
    compare(about.constFirst(), c);
    QVERIFY(store->changes(EntityRef{EntityKind::Event, 42}).isEmpty());
}

// Where imported entries came from (issue 14): kept per kind and format, replaced by key.
void TestStoreRoundTrip::origins()
{
    CREATE_STORE(store, *m_dir, storyName());
    const Fixture f(*store);
    store->setOrigin(EntityKind::Actor, QStringLiteral("gexf"), kNasty,
                     Store::OriginRow{f.actor1, QStringLiteral("{\"a\":1}"), kNasty});
    store->setOrigin(EntityKind::Actor, QStringLiteral("gexf"), QStringLiteral("n2"),
                     Store::OriginRow{f.actor2, QStringLiteral("x"), QStringLiteral("y")});
    store->setOrigin(EntityKind::Actor, QStringLiteral("gexf"), QStringLiteral("n2"),
                     Store::OriginRow{f.actor1, QStringLiteral("x2"), QStringLiteral("y2")});
    store->setOrigin(EntityKind::Relation, QStringLiteral("gexf"), QStringLiteral("n2"),
                     Store::OriginRow{7, {}, {}});
    const QHash<QString, Store::OriginRow> got =
        store->origins(EntityKind::Actor, QStringLiteral("gexf"));
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.value(kNasty).id, f.actor1);
    QCOMPARE(got.value(kNasty).fileState, QStringLiteral("{\"a\":1}"));
    QCOMPARE(got.value(kNasty).storyState, kNasty);
    QCOMPARE(got.value(QStringLiteral("n2")).id, f.actor1);
    QCOMPARE(got.value(QStringLiteral("n2")).fileState, QStringLiteral("x2"));
    QCOMPARE(got.value(QStringLiteral("n2")).storyState, QStringLiteral("y2"));
    QVERIFY(store->origins(EntityKind::Actor, QStringLiteral("csv")).isEmpty());
    QCOMPARE(store->origins(EntityKind::Relation, QStringLiteral("gexf")).size(), 1);
}

QTEST_GUILESS_MAIN(TestStoreRoundTrip)
#include "tst_storeroundtrip.moc"
