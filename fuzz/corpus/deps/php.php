<?php
use A\B;
require_once "x.php"; # hash
