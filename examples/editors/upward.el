;;; upward.el --- upward from Emacs  -*- lexical-binding: t -*-
;; Load it from your init file: (load "~/src/upward/examples/editors/upward.el")
;;
;;   M-x upward-agenda   insert the agenda of your next 1:1 at point (C-u: ask for the person)
;;   M-x upward-digest   insert this week's digest at point (C-u: ask for the period)
;;   M-x upward-check    every problem `upward check' finds, in a compilation buffer (next-error jumps)
;;   M-x upward-records  the records this week's digest names, likewise (FILE:LINE:COL lines)

(defun upward--insert (command)
  "Insert the output of the shell COMMAND at point."
  (insert (shell-command-to-string command)))

(defun upward-agenda (&optional person)
  "Insert the agenda of the next 1:1, with PERSON when given."
  (interactive (list (when current-prefix-arg (read-string "With: "))))
  (upward--insert (concat "upward prep-1on1 " (if person (shell-quote-argument person) ""))))

(defun upward-digest (&optional period)
  "Insert the digest of PERIOD (default: this week)."
  (interactive (list (when current-prefix-arg (read-string "Period: " "last-week"))))
  (upward--insert (concat "upward digest " (if period (shell-quote-argument period) ""))))

(defun upward-check ()
  "List the problems `upward check' finds, for `next-error'."
  (interactive)
  (compilation-start "upward check" 'grep-mode))

(defun upward-records ()
  "List the records this week's digest names, for `next-error'."
  (interactive)
  (compilation-start "upward digest --format vimgrep" 'grep-mode))

(provide 'upward)
;;; upward.el ends here
