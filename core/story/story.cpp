#include "story.h"

#include "interchange/chronomapjson.h"
#include "store/postgres/pgstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QUndoStack>

#include <cstdlib>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace chronomap {

QString defaultAuthor()
{
    for (const char* var : {"CHRONOMAP_AUTHOR", "USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
#ifdef Q_OS_UNIX
    // No variable set (a service, a desktop launcher): the login name of the account.
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    // The home folder is named after the user on every desktop system.
    if (const QString home = QDir::home().dirName(); !home.isEmpty() && home != QLatin1String("/"))
        return home;
    return QCoreApplication::translate("chronomap::Story", "unknown author");
}

Story::Story(std::unique_ptr<Store> store)
    : m_store(std::move(store)), m_undo(new QUndoStack(this)), m_author(defaultAuthor())
{
    m_store->loadTimeIndex(m_index);
    loadKnownIds();
    m_dataVersion = m_store->dataVersion();
}

Story::~Story() = default;

void Story::loadKnownIds()
{
    m_known.clear();
    const auto* shared = dynamic_cast<const PgStore*>(m_store.get());
    if (!shared)
        return;
    for (EntityKind kind : {EntityKind::Actor, EntityKind::Relation, EntityKind::Source,
                            EntityKind::Annotation, EntityKind::Scene}) {
        const QList<Id> ids = shared->ids(kind);
        m_known.insert(int(kind), QSet<Id>(ids.cbegin(), ids.cend()));
    }
}

bool Story::knows(EntityKind kind, Id id) const
{
    if (kind == EntityKind::Event)
        return m_index.indexOf(id) >= 0;
    return m_known.value(int(kind)).contains(id);
}

std::unique_ptr<Story> Story::open(const QString& path, Store::Mode mode, Store::Check check)
{
    return std::unique_ptr<Story>(new Story(Store::open(path, mode, check)));
}

void Story::startIntegrityCheck()
{
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        emit integrityChecked(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&Store::checkIntegrity, path()));
}

std::unique_ptr<Story> Story::create(const QString& path, bool empty)
{
    std::unique_ptr<Store> store = Store::open(path, Store::Mode::Create);
    if (!empty) {
        try {
            QFile seed(QStringLiteral(":/seed/peace-plan.json"));
            if (!seed.open(QIODevice::ReadOnly))
                throw StoreError(QCoreApplication::translate(
                    "chronomap::Story", "the seed story is missing from this build"));
            readStoryJson(*store, seed.readAll(),
                          QCoreApplication::translate("chronomap::Story", "seed story"));
        } catch (...) {
            store.reset();
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            throw;
        }
    } else {
        store->setMeta(QStringLiteral("title"), QStringLiteral("Untitled story"));
    }
    return std::unique_ptr<Story>(new Story(std::move(store)));
}

QString Story::title() const
{
    const QString t = m_store->meta(QStringLiteral("title"));
    return t.isEmpty() ? QStringLiteral("Untitled story") : t;
}

void Story::apply(const Change& change, const std::function<void(Store&)>& write,
                  const QList<ChangeRecord>& audit)
{
    {
        Store::Transaction tx(*m_store);
        write(*m_store);
        for (ChangeRecord rec : audit) {
            if (rec.author.isEmpty())
                rec.author = m_author;
            m_store->logChange(rec);
        }
        tx.commit();
    }
    m_dataVersion = m_store->dataVersion();
    refreshIndex(change);
    emit changed(change);
}

void Story::applyEdit(const std::function<void(Store&, Change&, QList<ChangeRecord>&)>& write)
{
    Change change;
    {
        QList<ChangeRecord> audit;
        Store::Transaction tx(*m_store);
        write(*m_store, change, audit);
        for (ChangeRecord rec : std::as_const(audit)) {
            if (rec.author.isEmpty())
                rec.author = m_author;
            m_store->logChange(rec);
        }
        tx.commit();
    }
    m_dataVersion = m_store->dataVersion();
    refreshIndex(change);
    emit changed(change);
}

void Story::refreshIndex(const Change& change)
{
    if (change.action == Change::Action::Reset) {
        m_store->loadTimeIndex(m_index);
        loadKnownIds();
        return;
    }
    if (change.kind != EntityKind::Event) {
        if (auto it = m_known.find(int(change.kind)); it != m_known.end()) {
            for (Id id : change.ids) {
                if (change.action == Change::Action::Removed)
                    it->remove(id);
                else if (change.action == Change::Action::Inserted)
                    it->insert(id);
            }
        }
        return;
    }
    for (Id id : change.ids) {
        if (change.action == Change::Action::Removed) {
            m_index.remove(id);
        } else if (const auto e = m_store->event(id)) {
            m_index.upsert(TimeIndex::rowOf(*e));
        }
    }
}

void Story::reload()
{
    m_store->loadTimeIndex(m_index);
    loadKnownIds();
    m_dataVersion = m_store->dataVersion();
    emit changed(Change::reset());
}

bool Story::changedOutside()
{
    const qint64 v = m_store->dataVersion();
    if (v == m_dataVersion)
        return false;
    m_dataVersion = v;
    return true;
}

bool Story::followOutside()
{
    auto* shared = dynamic_cast<PgStore*>(m_store.get());
    if (!shared) {
        if (!changedOutside())
            return false;
        reload();
        return true;
    }
    const QList<std::pair<QString, Id>> notes = shared->takeOutsideChanges();
    if (notes.isEmpty())
        return false;
    applyOutside(notes);
    return true;
}

void Story::applyOutside(const QList<std::pair<QString, Id>>& notes)
{
    const auto* shared = dynamic_cast<const PgStore*>(m_store.get());
    // Grouped by kind and what happened, kinds in the order they first came: one Change each.
    struct Group
    {
        Change::Action action;
        EntityKind kind;
        QList<Id> ids;
    };
    QList<Group> groups;
    auto add = [&groups](Change::Action action, EntityKind kind, Id id) {
        for (Group& g : groups)
            if (g.action == action && g.kind == kind) {
                if (!g.ids.contains(id))
                    g.ids << id;
                return;
            }
        groups.append({action, kind, {id}});
    };
    // What happened is read from the server, not from the notes: an entry inserted and then
    // changed elsewhere within one look arrives as its update, one inserted and deleted as
    // its deletion. Here it is new if this window lacks it, gone if the server does.
    auto follow = [&add, this](EntityKind kind, Id id, bool exists) {
        const bool known = knows(kind, id);
        if (exists)
            add(known ? Change::Action::Updated : Change::Action::Inserted, kind, id);
        else if (known)
            add(Change::Action::Removed, kind, id);
        // Neither here nor there: come and gone before this window looked. Nothing to do.
    };
    for (const auto& [kind, id] : notes) {
        if (kind == QLatin1String("event")) {
            follow(EntityKind::Event, id, m_store->event(id).has_value());
        } else if (kind == QLatin1String("actor")) {
            follow(EntityKind::Actor, id, m_store->actor(id).has_value());
        } else if (kind == QLatin1String("relation")) {
            follow(EntityKind::Relation, id, m_store->relation(id).has_value());
        } else if (kind == QLatin1String("source")) {
            follow(EntityKind::Source, id, m_store->source(id).has_value());
        } else if (kind == QLatin1String("annotation")) {
            follow(EntityKind::Annotation, id, m_store->annotation(id).has_value());
        } else if (kind == QLatin1String("scene")) {
            follow(EntityKind::Scene, id,
                   shared ? shared->stampOf({EntityKind::Scene, id}).has_value() : true);
        } else if (kind == QLatin1String("citation")) {
            // A citation shows on the entry it cites; one that is gone names none, and every
            // panel reads an entry's citations again on any change.
            if (const auto c = m_store->citation(id))
                add(Change::Action::Updated, c->target.kind, c->target.id);
            else
                add(Change::Action::Updated, EntityKind::Source, 0);
        } else {
            // Categories, eras, the story's title, "* 0": lanes, bands and names may all move.
            reload();
            return;
        }
    }
    // Deletions first: an entry deleted and another inserted in one go keep their places.
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return (a.action == Change::Action::Removed) > (b.action == Change::Action::Removed);
    });
    for (const Group& g : std::as_const(groups)) {
        const Change change{g.action, g.kind, g.ids};
        refreshIndex(change);
        emit changed(change);
    }
    m_dataVersion = m_store->dataVersion();
}

QString Story::lastChangeBy(EntityRef ref) const
{
    try {
        if (const auto* shared = dynamic_cast<const PgStore*>(m_store.get())) {
            if (const auto stamp = shared->stampOf(ref))
                return QCoreApplication::translate("chronomap::Story", "%1 at %2 UTC")
                    .arg(stamp->by, stamp->at);
        }
        const QList<ChangeRecord> log = m_store->changes(ref);
        if (log.isEmpty())
            return {};
        const ChangeRecord& last = log.last();
        const QDateTime at = QDateTime::fromString(last.at, Qt::ISODate);
        return QCoreApplication::translate("chronomap::Story", "%1 at %2 UTC")
            .arg(last.author,
                 at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : last.at);
    } catch (const StoreError&) {
        return {};
    }
}

} // namespace chronomap
