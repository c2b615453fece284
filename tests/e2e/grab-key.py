#!/usr/bin/env python3
"""Another X client holding a key combination, as a chat app might hold Ctrl+Alt+K: it grabs the
key on the root window, prints "grabbed" and keeps the grab until its standard input closes.
Plain ctypes against libX11, so the tests need no extra package.

    grab-key.py KEYSYM MASK      e.g. grab-key.py k 12   (Control 4 + Mod1/Alt 8)
"""
import ctypes
import sys

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XStringToKeysym.restype = ctypes.c_ulong
x.XStringToKeysym.argtypes = [ctypes.c_char_p]
x.XKeysymToKeycode.restype = ctypes.c_ubyte
x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x.XGrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_int]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("grab-key: no X display")
keycode = x.XKeysymToKeycode(display, x.XStringToKeysym(sys.argv[1].encode()))
GRAB_MODE_ASYNC = 1
x.XGrabKey(display, keycode, int(sys.argv[2]), x.XDefaultRootWindow(display), 0, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC)
x.XSync(display, 0)
print("grabbed", flush=True)
sys.stdin.read()
