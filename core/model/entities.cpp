#include "entities.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace chronomap {

namespace {
template <typename E, std::size_t N>
std::optional<E> fromName(const QString& name, const char* const (&names)[N])
{
    for (std::size_t i = 0; i < N; ++i)
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return E(i);
    return std::nullopt;
}

const char* const kVerification[] = {"draft", "confirmed", "disputed", "cleared"};
const char* const kActorKind[] = {"person", "organization", "state", "group"};
const char* const kEntityKind[] = {"event", "actor", "relation", "source", "annotation", "scene"};
} // namespace

QString verificationName(Verification v)
{
    return QLatin1String(kVerification[int(v) & 3]);
}
QString verificationLabel(Verification v)
{
    switch (v) {
    case Verification::Draft:
        return QCoreApplication::translate("Labels", "draft");
    case Verification::Confirmed:
        return QCoreApplication::translate("Labels", "confirmed");
    case Verification::Disputed:
        return QCoreApplication::translate("Labels", "disputed");
    case Verification::Cleared:
        return QCoreApplication::translate("Labels", "cleared");
    }
    return verificationName(v);
}
std::optional<Verification> verificationFromName(const QString& name)
{
    return fromName<Verification>(name, kVerification);
}

QString actorKindName(ActorKind k)
{
    return QLatin1String(kActorKind[int(k) & 3]);
}
std::optional<ActorKind> actorKindFromName(const QString& name)
{
    return fromName<ActorKind>(name, kActorKind);
}

QString entityKindName(EntityKind k)
{
    return QLatin1String(kEntityKind[int(k) % 6]);
}
std::optional<EntityKind> entityKindFromName(const QString& name)
{
    return fromName<EntityKind>(name, kEntityKind);
}

std::optional<QPointF> filePosition(const Actor& actor)
{
    const Attribute* x = findAttribute(actor.attributes, QStringLiteral("viz:x"));
    const Attribute* y = findAttribute(actor.attributes, QStringLiteral("viz:y"));
    const auto vx = x ? x->number() : std::nullopt;
    const auto vy = y ? y->number() : std::nullopt;
    if (!vx || !vy || !std::isfinite(*vx) || !std::isfinite(*vy))
        return std::nullopt;
    return QPointF(*vx, *vy);
}

void setFilePosition(Actor& actor, const QPointF& at)
{
    for (const auto& [name, value] :
         {std::pair{QStringLiteral("viz:x"), at.x()}, std::pair{QStringLiteral("viz:y"), at.y()}})
        setAttribute(actor.attributes, name,
                     Attribute{name, AttributeType::Double,
                               QString::number(value, 'g', QLocale::FloatingPointShortest)});
}

} // namespace chronomap
