#include "generator.h"

#include "model/entities.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <array>
#include <vector>

namespace chronomap {

namespace {

// splitmix64: tiny, fast, and the same numbers on every platform and standard library.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    quint64 below(quint64 n) { return n ? next() % n : 0; }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    quint64 m_state;
};

const std::array<const char*, 24> kSubjects = {
    "Ministers", "Negotiators", "The envoy", "Parliament", "The central bank", "Protesters",
    "The coalition", "Regulators", "The court", "Delegates", "The president", "Investigators",
    "The committee", "Officials", "The union", "Observers", "The alliance", "Lawmakers",
    "Prosecutors", "The council", "Diplomats", "The agency", "Mediators", "Rebels"};
const std::array<const char*, 24> kVerbs = {
    "agree on", "reject", "announce", "debate", "sign", "suspend", "propose", "delay",
    "approve", "challenge", "extend", "review", "condemn", "resume", "expand", "investigate",
    "endorse", "block", "revise", "unveil", "defend", "question", "finalize", "withdraw from"};
const std::array<const char*, 24> kObjects = {
    "new sanctions package", "ceasefire terms", "border agreement", "energy deal",
    "prisoner exchange", "trade framework", "security guarantees", "budget plan",
    "election timetable", "aid corridor", "arms shipment", "peace proposal", "tariff schedule",
    "oil price cap", "reconstruction fund", "water treaty", "grain corridor", "debt relief",
    "troop withdrawal", "inquiry findings", "reform bill", "summit agenda", "export controls",
    "transition plan"};
const std::array<const char*, 16> kPlaces = {
    "in Geneva", "in Brussels", "in Istanbul", "in Miami", "in Riyadh", "in Warsaw",
    "after talks", "amid protests", "before the summit", "under pressure", "in a late vote",
    "in Vienna", "in Doha", "in Helsinki", "despite objections", "at the UN"};
const std::array<const char*, 8> kCategories = {"Diplomacy", "Military", "Economy", "Politics",
                                                "Law", "Energy", "Humanitarian", "Media"};
const std::array<const char*, 8> kCategoryColors = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                    "#56b4e9", "#e69f00", "#f0e442", "#999999"};
const std::array<const char*, 16> kFirst = {"Anna", "Boris", "Chen", "Dalia", "Emre", "Fatima",
                                            "Gustav", "Hana", "Ivan", "Jonas", "Kateryna", "Luis",
                                            "Mira", "Nikolai", "Olga", "Pavel"};
const std::array<const char*, 16> kLast = {"Novak", "Ibrahim", "Kowalski", "Haddad", "Lindqvist",
                                           "Moreau", "Petrenko", "Sato", "Okafor", "Rossi",
                                           "Schmidt", "Yilmaz", "Duarte", "Kim", "Berg", "Varga"};
const std::array<const char*, 8> kRelationTypes = {
    "negotiates with", "advises", "represents", "sanctions", "meets", "funds", "opposes", "leads"};

} // namespace

GenerateTimings generateStory(Store& store, const GenerateOptions& opt)
{
    GenerateTimings timings;
    QElapsedTimer timer;
    timer.start();
    if (opt.events < 0 || opt.actors < 0)
        throw StoreError(QCoreApplication::translate("chronomap::Generator",
                                                     "generate: counts must not be negative"));
    if (opt.events > 50'000'000 || opt.actors > 5'000'000)
        throw StoreError(QCoreApplication::translate(
            "chronomap::Generator", "generate: at most 50,000,000 events and 5,000,000 actors"));
    Random rng(opt.seed);
    Store::Transaction tx(store);
    store.setMeta(QStringLiteral("title"),
                  QStringLiteral("Synthetic story: %1 events, %2 actors (seed %3)")
                      .arg(opt.events)
                      .arg(opt.actors)
                      .arg(opt.seed));
    store.setMeta(QStringLiteral("generated"), QStringLiteral("true"));

    std::vector<Id> categoryIds;
    for (std::size_t i = 0; i < kCategories.size(); ++i)
        categoryIds.push_back(store.insertCategory(
            Category{0, QString::fromLatin1(kCategories[i]),
                     QColor::fromString(QLatin1String(kCategoryColors[i])), int(i)}));

    std::vector<Id> actorIds;
    actorIds.reserve(std::size_t(opt.actors));
    for (qint64 i = 0; i < opt.actors; ++i) {
        Actor a;
        a.kind = ActorKind(rng.below(10) < 6 ? 0 : 1 + rng.below(3));
        if (a.kind == ActorKind::Person)
            a.name = QStringLiteral("%1 %2 %3")
                         .arg(QLatin1String(kFirst[rng.below(kFirst.size())]),
                              QLatin1String(kLast[rng.below(kLast.size())]))
                         .arg(i + 1);
        else
            a.name = QStringLiteral("%1 %2")
                         .arg(actorKindName(a.kind).at(0).toUpper() + actorKindName(a.kind).mid(1))
                         .arg(i + 1);
        actorIds.push_back(store.insertActor(a));
    }

    // Preferential attachment: the endpoints list holds each actor once per link it has, so
    // drawing from it picks actors in proportion to their degree.
    std::vector<quint32> endpoints;
    const qint64 relationsPerActor = 3;
    endpoints.reserve(std::size_t(opt.actors * relationsPerActor * 2));
    for (qint64 i = 1; i < opt.actors; ++i) {
        const qint64 links = std::min(relationsPerActor, i);
        for (qint64 k = 0; k < links; ++k) {
            const quint32 other = endpoints.empty() || rng.below(4) == 0
                                      ? quint32(rng.below(quint64(i)))
                                      : endpoints[rng.below(endpoints.size())];
            Relation r;
            r.sourceId = actorIds[std::size_t(i)];
            r.targetId = actorIds[other];
            r.type = QLatin1String(kRelationTypes[rng.below(kRelationTypes.size())]);
            r.directed = rng.below(3) != 0;
            r.weight = 1.0 + double(rng.below(5));
            r.status = Verification(rng.below(4));
            if (rng.below(2)) {
                const int y = 1990 + int(rng.below(35));
                r.valid = PartialDate::fromEdtf(QStringLiteral("%1/%2").arg(y).arg(y + 1 + int(rng.below(6))));
            }
            store.insertRelation(r);
            endpoints.push_back(quint32(i));
            endpoints.push_back(other);
        }
        if (opt.progress && i % 4096 == 0 && !opt.progress(0.1 * double(i) / double(opt.actors)))
            throw StoreError(QCoreApplication::translate(
                "chronomap::Generator", "generate: cancelled; nothing was written"));
    }

    // Events in date order, so the story's rows and its time index agree.
    const qint64 span = PartialDate::secondsOf(2025, 12, 31) - PartialDate::secondsOf(1990, 1, 1);
    const qint64 t0 = PartialDate::secondsOf(1990, 1, 1);
    qint64 made = 0;
    timings.actorsMs = timer.elapsed();
    const Store::BulkTimings bulk = store.bulkInsertEvents([&](Event& e) {
        if (made >= opt.events)
            return false;
        const qint64 t = t0 + (opt.events > 1 ? span * made / (opt.events - 1) : 0) +
                         qint64(rng.below(86400));
        const QString edtfDay = PartialDate::isoDay(t);
        const quint64 kind = rng.below(20);
        QString edtf;
        if (kind < 4) { // a range of days to months
            edtf = edtfDay + u'/' + PartialDate::isoDay(t + 86400 * qint64(1 + rng.below(120)));
        } else if (kind == 4) {
            edtf = edtfDay.left(7); // month precision
        } else if (kind == 5) {
            edtf = edtfDay + u'~';
        } else if (kind == 6) {
            edtf = edtfDay.left(4); // year precision
        } else {
            edtf = edtfDay;
        }
        e.date = PartialDate::fromEdtf(edtf);
        e.title = QStringLiteral("%1 %2 %3 %4")
                      .arg(QLatin1String(kSubjects[rng.below(kSubjects.size())]),
                           QLatin1String(kVerbs[rng.below(kVerbs.size())]),
                           QLatin1String(kObjects[rng.below(kObjects.size())]),
                           QLatin1String(kPlaces[rng.below(kPlaces.size())]));
        e.categoryId = categoryIds[rng.below(categoryIds.size())];
        e.importance = int(rng.below(6));
        e.status = Verification(rng.below(4));
        if (!actorIds.empty()) {
            // Most events involve one actor, some two or three.
            const quint64 roll = rng.below(20);
            const int n = roll < 14 ? 1 : roll < 19 ? 2 : 3;
            for (int k = 0; k < n; ++k)
                e.actors << Participation{actorIds[endpoints.empty() ? rng.below(actorIds.size())
                                                                     : endpoints[rng.below(endpoints.size())]],
                                          QString()};
        }
        ++made;
        if (opt.progress && made % 65536 == 0 &&
            !opt.progress(0.1 + 0.8 * double(made) / double(opt.events)))
            throw StoreError(QCoreApplication::translate(
                "chronomap::Generator", "generate: cancelled; nothing was written"));
        return true;
    });
    tx.commit();
    timings.rowsMs = bulk.rowsMs;
    timings.indexesMs = bulk.indexesMs;
    timings.searchIndexMs = bulk.searchIndexMs;
    return timings;
}

} // namespace chronomap
