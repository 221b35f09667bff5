"""The document library (/van-ban/, issue 19): legal texts, decisions and plans."""
