#include "labels.h"

#include <QCoreApplication>

namespace chronomap {

QString statusLabel(Verification status)
{
    switch (status) {
    case Verification::Draft:
        return QCoreApplication::translate("Labels", "draft");
    case Verification::Confirmed:
        return QCoreApplication::translate("Labels", "confirmed");
    case Verification::Disputed:
        return QCoreApplication::translate("Labels", "disputed");
    case Verification::Cleared:
        return QCoreApplication::translate("Labels", "cleared");
    }
    return verificationName(status);
}

QString actorKindLabel(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Person:
        return QCoreApplication::translate("Labels", "person");
    case ActorKind::Organization:
        return QCoreApplication::translate("Labels", "organization");
    case ActorKind::State:
        return QCoreApplication::translate("Labels", "state");
    case ActorKind::Group:
        return QCoreApplication::translate("Labels", "group");
    }
    return actorKindName(kind);
}

QString entityKindLabel(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Event:
        return QCoreApplication::translate("Labels", "event");
    case EntityKind::Actor:
        return QCoreApplication::translate("Labels", "actor");
    case EntityKind::Relation:
        return QCoreApplication::translate("Labels", "relation");
    case EntityKind::Source:
        return QCoreApplication::translate("Labels", "source");
    case EntityKind::Annotation:
        return QCoreApplication::translate("Labels", "note");
    case EntityKind::Scene:
        return QCoreApplication::translate("Labels", "scene");
    }
    return entityKindName(kind);
}

} // namespace chronomap
