/* The crash-safe floor: exactly the unavoidable work of one durable new file, as upward's
 * log-win must do it. Make a temporary beside the target, write the record, fsync it, rename it
 * into place, fsync the folder. Usage: floor DIR (one new file DIR/floor-XXXXXX.toml per run). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char record[] =
    "date = 2026-11-27\ntitle = \"Benchmark win\"\ntags = [\"bench\"]\n";

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor DIR\n");
    return 2;
  }
  char tmp[4096], target[4096];
  snprintf(tmp, sizeof tmp, "%s/.floor-XXXXXX", argv[1]);
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd < 0 || write(fd, record, sizeof record - 1) != (ssize_t)(sizeof record - 1) || fsync(fd) != 0 ||
      close(fd) != 0) {
    perror("floor: write");
    return 1;
  }
  snprintf(target, sizeof target, "%s/floor-%s.toml", argv[1], strrchr(tmp, '-') + 1);
  if (rename(tmp, target) != 0) {
    perror("floor: rename");
    return 1;
  }
  int dir = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0 || fsync(dir) != 0 || close(dir) != 0) {
    perror("floor: fsync of the folder");
    return 1;
  }
  return 0;
}
