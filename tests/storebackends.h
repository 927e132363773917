#pragma once

// The backends the core store tests run on: a story file, and a shared story on a
// PostgreSQL 15 cluster the test executable starts by itself (pgcluster.h). A data-driven test
// adds one row per backend; CREATE_STORE opens a new, empty story on the row's backend, and
// skips the PostgreSQL row, saying why, only when the PostgreSQL binaries are not installed.

#include "pgcluster.h"

#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace chronomap::testing {

inline void addBackendColumn()
{
    QTest::addColumn<QString>("backend");
}

inline QList<QString> backends()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgresql")};
}

// A new, empty story on the backend: a file in dir, or a story named `name` on the cluster.
// Null when the backend is not available; `skip` then says why (empty: it should have been).
inline std::unique_ptr<Store> createStore(const QString& backend, const QTemporaryDir& dir,
                                          const QString& name, QString* skip)
{
    if (backend == QLatin1String("postgresql")) {
        PgCluster* pg = PgCluster::instance();
        if (!pg) {
            if (!PgCluster::installed())
                *skip = PgCluster::why();
            else
                qWarning("%s", qPrintable(PgCluster::why()));
            return nullptr;
        }
        return Store::open(pg->url(name), Store::Mode::Create);
    }
    return Store::open(dir.filePath(name + QStringLiteral(".chronomap")), Store::Mode::Create);
}

} // namespace chronomap::testing

// In a test function with a "backend" column: `store` is a new story on that backend.
#define CREATE_STORE(store, dir, name)                                                             \
    QString skip_##store;                                                                          \
    QFETCH(QString, backend);                                                                      \
    auto store = chronomap::testing::createStore(backend, dir, name, &skip_##store);              \
    if (!store) {                                                                                  \
        if (!skip_##store.isEmpty())                                                               \
            QSKIP(qPrintable(skip_##store));                                                       \
        QFAIL("the PostgreSQL cluster did not start");                                             \
    }
