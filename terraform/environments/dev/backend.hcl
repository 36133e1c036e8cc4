# terraform init -backend-config=backend.hcl
resource_group_name  = "rg-aml-tfstate"
storage_account_name = "stamltfstate"
container_name       = "tfstate"
key                  = "environments/dev.tfstate"
use_azuread_auth     = true
