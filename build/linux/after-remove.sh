#!/bin/bash
# The .deb's post-remove script. Like after-install.sh it replaces electron-builder's default, so it
# repeats that (command link, AppArmor profile) and removes the udev rule after-install.sh installed.
# Only the executable and sanitizedProductName macros are filled in; shell variables are written $NAME.

APP_DIR='/opt/${sanitizedProductName}'
EXECUTABLE='${executable}'

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove "$EXECUTABLE" "$APP_DIR/$EXECUTABLE" || true
else
    rm -f "/usr/bin/$EXECUTABLE"
fi

APPARMOR_TARGET="/etc/apparmor.d/$EXECUTABLE"
if [ -f "$APPARMOR_TARGET" ]; then
    if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
        apparmor_parser --remove "$APPARMOR_TARGET" || true
    fi
    rm -f "$APPARMOR_TARGET"
fi

# On an upgrade dpkg runs this with "upgrade" and then the new after-install.sh, which puts the rule
# back; remove it only when the till really goes.
case "$1" in
    remove|purge|0)
        rm -f /etc/udev/rules.d/70-pos-hid-scanners.rules
        if command -v udevadm >/dev/null 2>&1; then
            udevadm control --reload-rules || true
        fi
        ;;
esac

exit 0
