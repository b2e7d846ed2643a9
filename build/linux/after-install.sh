#!/bin/bash
# The .deb's post-install script. electron-builder REPLACES its default script with this one (it does
# not add to it), so this repeats the default's duties (command link, Chromium sandbox helper, desktop
# and MIME databases, AppArmor profile) and then installs the udev rule for HID POS scanners.
#
# electron-builder fills in the executable and sanitizedProductName macros (dollar-brace form) and fails
# on any other dollar-brace name, so every shell variable below is written $NAME, without braces.

APP_DIR='/opt/${sanitizedProductName}'
EXECUTABLE='${executable}'

# A command on the PATH.
if type update-alternatives >/dev/null 2>&1; then
    if [ -L "/usr/bin/$EXECUTABLE" ] && [ "$(readlink "/usr/bin/$EXECUTABLE")" != "/etc/alternatives/$EXECUTABLE" ]; then
        rm -f "/usr/bin/$EXECUTABLE"
    fi
    update-alternatives --install "/usr/bin/$EXECUTABLE" "$EXECUTABLE" "$APP_DIR/$EXECUTABLE" 100 \
        || ln -sf "$APP_DIR/$EXECUTABLE" "/usr/bin/$EXECUTABLE"
else
    ln -sf "$APP_DIR/$EXECUTABLE" "/usr/bin/$EXECUTABLE"
fi

# Chromium's sandbox needs a setuid helper only where unprivileged user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
    chmod 0755 "$APP_DIR/chrome-sandbox" || true
else
    chmod 4755 "$APP_DIR/chrome-sandbox" || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Ubuntu 24.04+ restricts user namespaces through AppArmor; the profile electron-builder ships lifts
# that for this app. Skipped where the running AppArmor cannot parse it, and inside a chroot.
APPARMOR_SOURCE="$APP_DIR/resources/apparmor-profile"
APPARMOR_TARGET="/etc/apparmor.d/$EXECUTABLE"
if [ -f "$APPARMOR_SOURCE" ] && apparmor_status --enabled >/dev/null 2>&1; then
    if apparmor_parser --skip-kernel-load --debug "$APPARMOR_SOURCE" >/dev/null 2>&1; then
        cp -f "$APPARMOR_SOURCE" "$APPARMOR_TARGET"
        if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_TARGET" || true
        fi
    fi
fi

# Scanners in HID POS mode: readable by the user at the till without root (see the rule file).
UDEV_RULE_SOURCE="$APP_DIR/resources/udev/70-pos-hid-scanners.rules"
UDEV_RULE_TARGET=/etc/udev/rules.d/70-pos-hid-scanners.rules
if [ -f "$UDEV_RULE_SOURCE" ]; then
    install -D -m 0644 "$UDEV_RULE_SOURCE" "$UDEV_RULE_TARGET"
    if command -v udevadm >/dev/null 2>&1; then
        udevadm control --reload-rules || true
        # Apply to scanners already plugged in, so nobody has to replug them.
        udevadm trigger --subsystem-match=hidraw --action=change || true
    fi
fi

exit 0
