//! A minimal ZIP writer for the data packages: stored entries (no
//! compression: a package is a few kilobytes, and a deflater would cost the
//! wasm bundle more than it saves anyone), each with its CRC-32, a local
//! header, the central directory and the end record (APPNOTE 6.3.x §4.3).
//! Names are flagged UTF-8 (bit 11); every entry is dated with the day the
//! package was made, at midnight (MS-DOS time has no zone).
//!
//! No ZIP64: a package is far below 4 GiB and 65,535 entries. A size that
//! does not fit is written saturated rather than panicking (the archive
//! would then be refused by readers, never misread).

use crate::policy::scenario::Date;

/// "Version needed to extract": 1.0, stored entries.
const NEEDED: u16 = 10;
/// "Version made by": Unix (3), spec 2.0, so the external attributes below
/// are read as Unix permissions.
const MADE_BY: u16 = (3 << 8) | 20;
/// General purpose flag bit 11: the name is UTF-8.
const UTF8: u16 = 1 << 11;
/// A regular file, `rw-r--r--`, in the high half of the external attributes.
const FILE_MODE: u32 = 0o100644 << 16;

/// The CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) table for
/// one nibble: 64 bytes rather than the usual 1 KB, two lookups a byte.
const NIBBLE: [u32; 16] = {
    let mut t = [0u32; 16];
    let mut i = 0;
    while i < 16 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 4 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// The CRC-32 of `bytes`, as ZIP (and gzip, PNG) use it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= u32::from(b);
        c = (c >> 4) ^ NIBBLE[(c & 15) as usize];
        c = (c >> 4) ^ NIBBLE[(c & 15) as usize];
    }
    !c
}

/// `d` as an MS-DOS date (years since 1980 in the high 7 bits, then the
/// month and the day), clamped to the years it can hold, 1980–2107.
pub fn dos_date(d: Date) -> u16 {
    let year = d.year.clamp(1980, 2107) - 1980;
    (year << 9) | (u16::from(d.month) << 5) | u16::from(d.day)
}

/// An archive being written.
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    date: u16,
}

/// `n` as a 32-bit size or offset, saturated (see the module's note).
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn put16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}

impl Zip {
    /// An empty archive whose entries are dated `made`.
    pub fn new(made: Date) -> Zip {
        Zip {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            date: dos_date(made),
        }
    }

    /// Adds the file `name` (a path with `/`) holding `data`.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = u32_of(self.out.len());
        let (size, name_len) = (u32_of(data.len()), name.len().min(0xffff) as u16);
        let name = &name.as_bytes()[..usize::from(name_len)];
        // The fields the local header and the central directory share,
        // from "version needed" to the extra field's length.
        let mut common = Vec::with_capacity(26);
        for n in [NEEDED, UTF8, 0, 0, self.date] {
            put16(&mut common, n);
        }
        for n in [crc, size, size] {
            put32(&mut common, n);
        }
        put16(&mut common, name_len);
        put16(&mut common, 0);

        put32(&mut self.out, 0x0403_4b50);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);

        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, MADE_BY);
        c.extend_from_slice(&common);
        // Comment length, disk number, internal attributes.
        for n in [0, 0, 0] {
            put16(c, n);
        }
        put32(c, FILE_MODE);
        put32(c, offset);
        c.extend_from_slice(name);
        self.entries = self.entries.saturating_add(1);
    }

    /// The archive's bytes: the entries, the central directory and the
    /// end record.
    pub fn finish(mut self) -> Vec<u8> {
        let (at, size) = (u32_of(self.out.len()), u32_of(self.central.len()));
        self.out.append(&mut self.central);
        let o = &mut self.out;
        put32(o, 0x0605_4b50);
        // This disk, the directory's disk, its entries here and in all.
        for n in [0, 0, self.entries, self.entries] {
            put16(o, n);
        }
        put32(o, size);
        put32(o, at);
        put16(o, 0);
        self.out
    }
}

/// The entries of an archive this module wrote, `(name, data)`, read back
/// from its central directory (each checked against its local header and
/// its CRC); `None` if anything does not match. For the tests and for
/// checking a download without a ZIP crate.
pub fn read(zip: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let u16_at = |i: usize| Some(u16::from_le_bytes(zip.get(i..i + 2)?.try_into().ok()?));
    let u32_at = |i: usize| Some(u32::from_le_bytes(zip.get(i..i + 4)?.try_into().ok()?));
    let end = zip.len().checked_sub(22)?;
    if u32_at(end)? != 0x0605_4b50 {
        return None;
    }
    let count = usize::from(u16_at(end + 10)?);
    let mut at = u32_at(end + 16)? as usize;
    if at + u32_at(end + 12)? as usize != end {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 || u16_at(at + 8)? & UTF8 == 0 || u16_at(at + 10)? != 0 {
            return None;
        }
        let (crc, size) = (u32_at(at + 16)?, u32_at(at + 20)? as usize);
        let n = usize::from(u16_at(at + 28)?);
        let skip = n + usize::from(u16_at(at + 30)?) + usize::from(u16_at(at + 32)?);
        let local = u32_at(at + 42)? as usize;
        let name = zip.get(at + 46..at + 46 + n)?;
        // The local header repeats the name, the CRC and the sizes.
        if u32_at(local)? != 0x0403_4b50
            || u32_at(local + 14)? != crc
            || u32_at(local + 22)? as usize != size
            || zip.get(local + 30..local + 30 + n)? != name
        {
            return None;
        }
        let start = local + 30 + n + usize::from(u16_at(local + 28)?);
        let data = zip.get(start..start + size)?;
        if crc32(data) != crc {
            return None;
        }
        out.push((String::from_utf8(name.to_vec()).ok()?, data.to_vec()));
        at += 46 + skip;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn crc32_is_the_standard_one() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn dos_dates_count_from_1980() {
        assert_eq!(dos_date(day("1980-01-01")), (1 << 5) | 1);
        assert_eq!(dos_date(day("2024-05-17")), (44 << 9) | (5 << 5) | 17);
        assert_eq!(dos_date(day("1970-03-02")) >> 9, 0, "clamped");
    }

    #[test]
    fn an_archive_reads_back() {
        let mut z = Zip::new(day("2024-05-17"));
        z.add("datapackage.json", b"{}");
        z.add("README.md", "帐号 — 中文".as_bytes());
        z.add("empty.csv", b"");
        let bytes = z.finish();
        let files = read(&bytes).expect("readable");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["datapackage.json", "README.md", "empty.csv"]);
        assert_eq!(files[1].1, "帐号 — 中文".as_bytes());
        assert!(files[2].1.is_empty());
        // Any byte changed in an entry's data is caught by its CRC.
        let mut bad = bytes.clone();
        let at = bytes.windows(2).position(|w| w == b"{}").unwrap();
        bad[at] = b'[';
        assert_eq!(read(&bad), None);
        assert_eq!(read(&bytes[..bytes.len() - 1]), None);
        assert_eq!(read(b""), None);
    }

    /// Python's own ZIP reader (`python3 -m zipfile -t`, and a listing of
    /// the names) agrees, where python3 is installed.
    #[test]
    fn python_reads_it_too() {
        let mut z = Zip::new(day("2021-09-17"));
        z.add("walled-garden/matrix.csv", b"a,b\r\n1,2\r\n");
        z.add("walled-garden/README.md", "帐号".as_bytes());
        let dir = std::env::temp_dir().join(format!("wg-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("test.zip");
        std::fs::write(&path, z.finish()).unwrap();
        let script = "import sys, zipfile\n\
                      z = zipfile.ZipFile(sys.argv[1])\n\
                      assert z.testzip() is None\n\
                      for i in z.infolist(): print(i.filename, i.file_size, i.date_time[:3])\n";
        let out = match std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&path)
            .output()
        {
            Ok(o) => o,
            Err(_) => {
                eprintln!("python3 not installed: the ZIP is checked by `read` only");
                return;
            }
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "walled-garden/matrix.csv 10 (2021, 9, 17)\nwalled-garden/README.md 6 (2021, 9, 17)\n"
        );
        let t = std::process::Command::new("python3")
            .args(["-m", "zipfile", "-t"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
