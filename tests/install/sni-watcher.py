#!/usr/bin/python3
"""A stand-in org.kde.StatusNotifierWatcher for the install check.

A desktop panel (KDE, most panels, GNOME with the AppIndicator extension) owns this name on the
session bus; a test bus has nobody, so the tray icon would have nowhere to register. This one
accepts registrations and, for each item, reads what a panel would show: the item's properties
(org.kde.StatusNotifierItem) and the labels of its menu (com.canonical.dbusmenu GetLayout).
It writes one JSON line per item to OUT_FILE, after a first line {"ready": true} once it owns the
name. Given a label, it also clicks that menu item once it has read the menu, as a panel does
when the person picks it (com.canonical.dbusmenu Event "clicked"), and writes {"clicked": id}.

    /usr/bin/python3 tests/install/sni-watcher.py OUT_FILE [LABEL]

Needs python3-dbus and python3-gi (Debian; python3-dbusmock, which scripts/setup installs,
depends on both). Runs until killed.
"""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.kde.StatusNotifierWatcher"
PATH = "/StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"


def write(out, record):
    with open(out, "a") as f:
        f.write(json.dumps(record) + "\n")


def labels(layout):
    """Every label in a dbusmenu layout (id, properties, children), depth first."""
    _id, props, children = layout
    found = [str(props["label"])] if "label" in props else []
    for child in children:
        found += labels(child)
    return found


def item_id(layout, label):
    """The id of the item labelled `label` in a dbusmenu layout, or None."""
    item, props, children = layout
    if str(props.get("label", "")) == label:
        return int(item)
    return next((found for child in children if (found := item_id(child, label)) is not None), None)


class Watcher(dbus.service.Object):
    def __init__(self, bus, out, click):
        super().__init__(bus, PATH)
        self.bus = bus
        self.out = out
        self.click = click
        self.items = []

    @dbus.service.method(NAME, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        # An item names itself by bus name or, as libayatana-appindicator does, by object path
        # (then the caller's unique name is the bus name).
        bus_name, path = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
        self.items.append(f"{bus_name}{path}")
        self.StatusNotifierItemRegistered(f"{bus_name}{path}")
        # Read it after the reply has gone: the item answers only once its own call returned.
        GLib.timeout_add(200, self.describe, bus_name, path)

    def describe(self, bus_name, path):
        record = {"service": bus_name, "path": path}
        try:
            item = self.bus.get_object(bus_name, path)
            props = item.GetAll(ITEM, dbus_interface="org.freedesktop.DBus.Properties")
            for key in ("Id", "Title", "Status", "Category", "IconName", "Menu"):
                if key in props:
                    record[key] = str(props[key])
            if "Menu" in props:
                menu = self.bus.get_object(bus_name, str(props["Menu"]))
                _revision, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"), dbus_interface=MENU)
                record["menu"] = labels(layout)
                wanted = item_id(layout, self.click) if self.click else None
                if wanted is not None:
                    menu.Event(wanted, "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(0), dbus_interface=MENU)
                    record["clicked"] = wanted
        except dbus.DBusException as e:
            record["error"] = str(e)
        write(self.out, record)
        return False

    @dbus.service.method(NAME, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(NAME, signature="s")
    def StatusNotifierItemRegistered(self, service):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        if interface != NAME:
            return {}
        return {
            "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
            # A panel (a "host") is there to show items: without it an item may not register.
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
        }


def main():
    out = sys.argv[1]
    click = sys.argv[2] if len(sys.argv) > 2 else None
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    watcher = Watcher(bus, out, click)
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    write(out, {"ready": True})
    loop = GLib.MainLoop()
    loop.run()
    del watcher, name


if __name__ == "__main__":
    main()
