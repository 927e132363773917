// One libFuzzer target per reader: FUZZ_READER names it (see fuzz/CMakeLists.txt).
#include "fuzzreaders.h"

#include "store/store.h"

#include <QDir>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace {

chronomap::Store& fuzzStore()
{
    static QTemporaryDir dir;
    static std::unique_ptr<chronomap::Store> store = chronomap::Store::open(
        dir.filePath(QStringLiteral("fuzz.chronomap")), chronomap::Store::Mode::Create);
    return *store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    chronomap::fuzzRead(QStringLiteral(FUZZ_READER), bytes, fuzzStore());
    return 0;
}
