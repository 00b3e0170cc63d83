//! The person's settings, kept between starts in their config folder: the language they chose
//! with the switch key. Applications never hold it, so each person reads them in their own.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::store;

#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub language: Option<Lang>,
}

/// `~/.config/kzvisa/settings.yaml` on Linux (or under `XDG_CONFIG_HOME`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kzvisa")
        .map(|dirs| dirs.config_dir().join("settings.yaml"))
}

/// The saved settings; none yet is not an error.
pub fn read(path: &Path) -> Result<Settings> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_yaml::from_str(&text).map_err(|e| Error::yaml(path, &e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Written whole or not at all, like an application.
pub fn write(path: &Path, settings: &Settings) -> Result<()> {
    let dir = store::parent(path);
    // Whatever the umask: what a person chose is nobody else's business.
    store::create_private_dir(dir)?;
    store::make_private(dir)?;
    let text = serde_yaml::to_string(settings).map_err(|e| Error::invalid(path, e.to_string()))?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    temp.write_all(text.as_bytes())
        .map_err(|e| Error::io(temp.path(), e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_is_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kzvisa").join("settings.yaml");
        assert_eq!(read(&path).expect("no file yet"), Settings::default());
        let chosen = Settings {
            language: Some(Lang::Kk),
        };
        write(&path, &chosen).expect("written");
        assert_eq!(read(&path).expect("read back"), chosen);
        std::fs::write(&path, "language: [").expect("broken");
        assert!(matches!(read(&path), Err(Error::Syntax { .. })));
    }
}
